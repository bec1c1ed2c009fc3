package org.openpe.core.engine;

import java.time.Duration;

/** How long to wait before trying again what failed {@code attempts} times: 30 s, doubling, at most 10 minutes. */
final class BackOff {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(10);

    private BackOff() {}

    static Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 10);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
