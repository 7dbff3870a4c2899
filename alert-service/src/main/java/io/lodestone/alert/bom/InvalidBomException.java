package io.lodestone.alert.bom;

import java.util.List;

/** An upload that cannot be stored, with every bad cell found; nothing of it was saved. */
public class InvalidBomException extends RuntimeException {

    private final transient List<RowError> errors;

    public InvalidBomException(List<RowError> errors) {
        super("The bill of materials has " + errors.size() + " error(s); nothing was saved.");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
