package io.lodestone.alert.subscription;

import java.util.List;

/** @param to the addresses one notification email is sent to */
public record EmailChannel(List<String> to) {

    public EmailChannel {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
