package org.openpe.core.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.model.NodeSettings;
import org.openpe.core.config.ConfigSource;

/**
 * The node settings in force and this node's resolved index.
 *
 * @param source the {@code org.openpe.node} configuration, empty when there is none
 * @param settings the settings in force: the configured ones when valid, else the defaults
 * @param nodeIndex empty when it cannot be determined (then {@code problems} says why)
 * @param problems every problem of the node settings, each starting with {@code node settings:}
 */
public record NodeState(
        Optional<ConfigSource> source, NodeSettings settings, OptionalInt nodeIndex, List<String> problems) {

    public NodeState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nodeIndex, "nodeIndex");
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
