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
            long fromProc = ChildProcess.residentKibFromProc(idle.pid());
            assumeThat(fromProc).as("/proc is readable (Linux)").isPositive();

            // When the portable path asks ps instead
            long fromPs = ChildProcess.residentKibFromPs(idle.pid());

            // Then both report the same resident memory
            assertThat(fromPs).isCloseTo(fromProc, Percentage.withPercentage(10));
        } finally {
            idle.destroy();
        }
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
