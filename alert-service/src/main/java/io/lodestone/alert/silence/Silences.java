package io.lodestone.alert.silence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Answers "is this alert muted now?" for the lifecycle and the dispatcher. */
@Service
public class Silences {

    private final SilenceRepository repository;

    Silences(SilenceRepository repository) {
        this.repository = repository;
    }

    public boolean isSilenced(UUID subscriptionId, String element, Instant now) {
        return repository.notEndedAt(now).stream()
                .anyMatch(silence -> silence.isActiveAt(now) && silence.matches(subscriptionId, element));
    }
}
