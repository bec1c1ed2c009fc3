package org.openpe.frr.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each daemon last answered a command of OpenPE's on its vty. A daemon busy with a long batch (a thousand
 * VRFs at once) answers the batch's commands one after another while the supervisor's probe, on a connection of
 * its own, waits its turn: an answer to either shows the daemon alive.
 */
final class DaemonActivity {

    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

    void answered(String daemon) {
        answeredAt.put(daemon, System.nanoTime());
    }

    /** {@link System#nanoTime()} of the daemon's last answer, or {@code orElse} when it gave none or an older one. */
    long lastAnswer(String daemon, long orElse) {
        Long last = answeredAt.get(daemon);
        return last == null || last - orElse < 0 ? orElse : last;
    }
}
