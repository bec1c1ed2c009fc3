package org.openpe.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reconcile engine reports about the node (spec section 7).
 *
 * @param routerNamespace the router namespace name
 * @param routerNamespacePresent whether it exists
 * @param frrDaemons daemon name to its state (e.g. {@code bgpd} to {@code running})
 * @param bgpSessions from FRR's JSON output
 * @param lastReconcile when the last reconcile ended
 * @param lastReconcileDuration how long it took
 * @param lastError the error of the last reconcile, if it failed as a whole
 */
public record NodeStatus(
        String routerNamespace,
        boolean routerNamespacePresent,
        Map<String, String> frrDaemons,
        List<BgpSessionStatus> bgpSessions,
        Optional<Instant> lastReconcile,
        Optional<Duration> lastReconcileDuration,
        Optional<String> lastError) {

    public static final NodeStatus UNKNOWN = new NodeStatus("", false, Map.of(), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public NodeStatus {
        Objects.requireNonNull(routerNamespace, "routerNamespace");
        frrDaemons = Map.copyOf(frrDaemons);
        bgpSessions = List.copyOf(bgpSessions);
        Objects.requireNonNull(lastReconcile, "lastReconcile");
        Objects.requireNonNull(lastReconcileDuration, "lastReconcileDuration");
        Objects.requireNonNull(lastError, "lastError");
    }
}
