package io.lodestone.alert.silence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Answers "is this alert muted now?" for the lifecycle and the dispatcher. */
@Service
public class Silences {

    private final SilenceRepository repository;

    Silences(SilenceRepository repository) {
        this.repository = repository;
    }

    /** The silences active at {@code now}, read once, for checking many alerts. */
    public Active activeAt(Instant now) {
        return new Active(repository.activeAt(now).stream().filter(silence -> silence.isActiveAt(now)).toList());
    }

    /** A snapshot of the active silences. */
    public record Active(List<Silence> silences) {

        public boolean mutes(UUID subscriptionId, String element) {
            return silences.stream().anyMatch(silence -> silence.matches(subscriptionId, element));
        }
    }
}
