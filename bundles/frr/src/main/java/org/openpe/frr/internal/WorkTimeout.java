package org.openpe.frr.internal;

import java.time.Duration;

/**
 * How long frr-reload may take, by the size of the configurations in lines. FRR's cost per line
 * grows with the number of instances: with FRR 8.4.4, frr-reload needed 85 s to delete 1,000
 * L3VNIs (24,000 lines, 3.5 ms a line), and one vty batch of the same deletes took 10 s at 1,000
 * but over 220 s at 4,000. So the allowance per line grows with the size too: 4 minutes at 24,000
 * lines, 24 minutes at 96,000.
 */
final class WorkTimeout {

    private static final Duration BASE = Duration.ofSeconds(60);
    private static final long NANOS_PER_LINE = 5_000_000;
    private static final long NANOS_PER_LINE_SQUARED = 100;

    private WorkTimeout() {}

    static Duration forLines(long lines) {
        return BASE.plusNanos(lines * (NANOS_PER_LINE + lines * NANOS_PER_LINE_SQUARED));
    }

    static long lines(String text) {
        return text.lines().count();
    }
}
