package io.lodestone.service.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that is well-formed JSON but means something invalid, with the fields at fault.
 * Answered as a 400 problem detail listing each field.
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRequestException(String message, Map<String, String> fieldErrors) {
        super(message);
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public static InvalidRequestException field(String field, String problem) {
        return new InvalidRequestException("Invalid field '" + field + "': " + problem, Map.of(field, problem));
    }

    public Map<String, String> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }
}
