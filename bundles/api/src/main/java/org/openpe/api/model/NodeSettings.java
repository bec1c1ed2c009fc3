package org.openpe.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The node-wide settings (singleton PID {@code org.openpe.node}). Exactly one of {@code nodeIndex}
 * and {@code nodeIndexInterface} is set; the index itself is resolved by the core.
 *
 * @param nodeIndexCidr with {@code nodeIndexInterface}: the prefix whose host part is the index
 *     (default: the interface address's own prefix)
 * @param routerNamespace default {@value #DEFAULT_ROUTER_NAMESPACE}
 * @param logLevel FRR log level, default {@value #DEFAULT_LOG_LEVEL}
 */
public record NodeSettings(
        Optional<Integer> nodeIndex,
        Optional<String> nodeIndexInterface,
        Optional<String> nodeIndexCidr,
        String routerNamespace,
        FrrSettings frr,
        String logLevel) {

    public static final String DEFAULT_ROUTER_NAMESPACE = "perouter";
    public static final String DEFAULT_LOG_LEVEL = "informational";

    public NodeSettings {
        Objects.requireNonNull(nodeIndex, "nodeIndex");
        Objects.requireNonNull(nodeIndexInterface, "nodeIndexInterface");
        Objects.requireNonNull(nodeIndexCidr, "nodeIndexCidr");
        Objects.requireNonNull(routerNamespace, "routerNamespace");
        Objects.requireNonNull(frr, "frr");
        Objects.requireNonNull(logLevel, "logLevel");
    }
}
