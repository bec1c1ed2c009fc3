package org.openpe.core.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.core.metrics.MetricsSettings;
import org.openpe.api.model.NodeSettings;
import org.openpe.core.config.ConfigSource;

/**
 * The node settings in force and this node's resolved index.
 *
 * @param source the {@code org.openpe.node} configuration, empty when there is none
 * @param settings the settings in force: the configured ones when valid, else the defaults
 * @param nodeIndex empty when it cannot be determined (then {@code problems} says why)
 * @param problems every problem of the node settings in force, each starting with {@code node settings:}
 * @param metrics where the metrics go (off unless the node settings in force say so)
 * @param rejected the problems of the configured node settings while the previous, valid ones stay
 *     in force (a bad edit of the node settings takes nothing down either)
 */
public record NodeState(Optional<ConfigSource> source, NodeSettings settings, OptionalInt nodeIndex,
        List<String> problems, List<String> rejected, MetricsSettings metrics) {

    public NodeState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nodeIndex, "nodeIndex");
        problems = List.copyOf(problems);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(metrics, "metrics");
    }

    public NodeState(Optional<ConfigSource> source, NodeSettings settings, OptionalInt nodeIndex, List<String> problems) {
        this(source, settings, nodeIndex, problems, List.of(), MetricsSettings.OFF);
    }

    public NodeState(Optional<ConfigSource> source, NodeSettings settings, OptionalInt nodeIndex, List<String> problems,
            MetricsSettings metrics) {
        this(source, settings, nodeIndex, problems, List.of(), metrics);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** These settings kept in force while {@code configured}, which is invalid, is rejected. */
    public NodeState rejecting(NodeState configured) {
        return new NodeState(configured.source(), settings, nodeIndex, List.of(), configured.problems(), metrics);
    }

    /** What the shell shows under the node: its problems, and why the configured settings are rejected. */
    public List<String> remarks() {
        return java.util.stream.Stream.concat(problems.stream(),
                rejected.stream().map(r -> r + " (rejected: the previous node settings stay in force)")).toList();
    }
}
