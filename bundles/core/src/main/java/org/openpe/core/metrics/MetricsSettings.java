package org.openpe.core.metrics;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the metrics go, from the node settings.
 *
 * @param port the listener's port on 127.0.0.1; 0 for none
 * @param textfile a file rewritten periodically for node_exporter's textfile collector, if any
 */
public record MetricsSettings(int port, Optional<Path> textfile) {

    public static final MetricsSettings OFF = new MetricsSettings(0, Optional.empty());

    public MetricsSettings {
        Objects.requireNonNull(textfile, "textfile");
    }
}
