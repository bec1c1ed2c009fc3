package org.openpe.frr;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One FRR daemon of the instance: running with this pid, or not running, and what the supervisor
 * did about it lately.
 *
 * @param pid its pid while it runs
 * @param restarts how many times the supervisor started it again (it died, hung, or a start
 *     failed) since it last ran for a minute without a fault, counting the start it waits for
 *     while it is down; 0 when it ran that minute
 * @param nextStart while it is down: when the supervisor starts it again (at once for the first
 *     restart in a row, then after 1 s, doubling with each further one, at most 30 s)
 * @param lastFault why the supervisor last started it again ({@code died 2 s after its start},
 *     {@code did not answer vtysh for 60 s; killed}, {@code start failed: ...}), while
 *     {@code restarts} is not 0
 * @param silentFor while it runs but has missed the supervisor's last vty probe (hung, or stopped
 *     with SIGSTOP): for how long it has not answered; it is killed and started again at 60 s
 * @since 1.2
 */
public record DaemonState(String name, OptionalLong pid, int restarts, Optional<Instant> nextStart, Optional<String> lastFault,
        Optional<Duration> silentFor) {

    /** A daemon the supervisor has nothing to say about. */
    public DaemonState(String name, OptionalLong pid) {
        this(name, pid, 0, Optional.empty(), Optional.empty());
    }

    /** A daemon that answers (or is not running). */
    public DaemonState(String name, OptionalLong pid, int restarts, Optional<Instant> nextStart, Optional<String> lastFault) {
        this(name, pid, restarts, nextStart, lastFault, Optional.empty());
    }

    /**
     * Whether it may be asked something now without waiting for a hung daemon.
     *
     * @since 1.3
     */
    public boolean answering() {
        return running() && silentFor.isEmpty();
    }

    public boolean running() {
        return pid.isPresent();
    }

    /**
     * For status: {@code running (pid 42)} or {@code stopped}, then what the supervisor does, e.g.
     * {@code stopped; next start in 8 s, restart 4 in a row (died 1 s after its start)}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(pid.isPresent() ? "running (pid " + pid.getAsLong() + ")" : "stopped");
        silentFor.ifPresent(silent -> text.append("; not answering vtysh for ").append(silent.toSeconds()).append(" s"));
        if (restarts > 0 || nextStart.isPresent()) {
            text.append("; ");
            nextStart.ifPresentOrElse(
                    at -> text.append("next start in ").append(Math.max(0, Duration.between(Instant.now(), at).toSeconds()))
                            .append(" s, restart ").append(restarts).append(" in a row"),
                    () -> text.append("restarted ").append(restarts).append(restarts == 1 ? " time" : " times").append(" in a row"));
            lastFault.ifPresent(fault -> text.append(" (").append(fault).append(')'));
        }
        return text.toString();
    }
}
