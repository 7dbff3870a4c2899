package io.lodestone.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Start-up progress on the terminal: one line per step, with how long it took. */
final class Progress {

    private final PrintStream out;
    private final Instant started = Instant.now();

    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void step(String what) {
        out.printf("[%5.1fs] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, what);
        out.flush();
    }
}
