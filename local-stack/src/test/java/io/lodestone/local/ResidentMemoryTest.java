package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The benchmark reports each process's resident memory on Linux and on macOS: /proc where it
 * exists, {@code ps} elsewhere, and both read the same figure.
 */
class ResidentMemoryTest {

    private static final long THIS_JVM = ProcessHandle.current().pid();

    @Test
    void psReadsTheSameResidentMemoryAsProcWhereBothExist() throws Exception {
        // Given an idle child process (its memory stays put) on a machine where /proc answers
        Process idle = new ProcessBuilder("sleep", "60").start();
        try {
            assumeThat(ChildProcess.residentKibFromProc(idle.pid())).as("/proc is readable (Linux)").isPositive();
            // once it runs sleep: right after the start it may still be the JVM's spawn helper, whose memory differs
            long fromProc = settledResidentKib(idle);

            // When the portable path asks ps instead
            long fromPs = ChildProcess.residentKibFromPs(idle.pid());

            // Then both report the same resident memory
            assertThat(fromPs).isCloseTo(fromProc, Percentage.withPercentage(10));
        } finally {
            idle.destroy();
        }
    }

    /** The process's resident memory once it is running {@code sleep} and two readings 100 ms apart agree. */
    private static long settledResidentKib(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = ChildProcess.residentKibFromProc(process.pid());
            boolean sleeping = process.info().command().map(command -> command.endsWith("sleep")).orElse(false);
            if (sleeping && now == last) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void residentMemoryOfARunningJvmIsMeasuredOnAnyUnix() {
        assertThat(ChildProcess.residentKib(THIS_JVM)).isGreaterThan(10_000);
    }

    @Test
    void aProcessThatIsGoneHasNoResidentMemory() {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;

        assertThat(ChildProcess.residentKib(gone)).isEqualTo(-1);
    }
}
