package io.lodestone.service.egress;

import java.net.UnknownHostException;

/**
 * A destination the address policy refuses. It extends {@link UnknownHostException} because the
 * HTTP client's resolver may only throw that; callers tell it apart from a failed lookup by type,
 * since a refusal will not pass on a retry and a failed lookup may.
 */
public class EgressRefusedException extends UnknownHostException {

    public EgressRefusedException(String message) {
        super(message);
    }
}
