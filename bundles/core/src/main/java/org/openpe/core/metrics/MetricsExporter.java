package org.openpe.core.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.definition.Definitions;
import org.openpe.core.engine.ReconcileEngine;
import org.openpe.core.status.StatusBoard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the metrics as the node settings say ({@code metricsPort}, {@code metricsTextfile}):
 * served on 127.0.0.1, and written every {@value #TEXTFILE_SECONDS} s to a file for node_exporter.
 * A port that cannot be bound (in use) or a file that cannot be written is a problem in
 * {@code openpe:status} and the log, never a failure of the node; the port is tried again every
 * {@value #TEXTFILE_SECONDS} s. Everything runs on the metrics' own threads.
 */
@Component(service = MetricsExporter.class, immediate = true)
public class MetricsExporter {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsExporter.class);
    static final long TEXTFILE_SECONDS = 15;

    /**
     * What the exporter does now.
     *
     * @param listening the port served on 127.0.0.1, when it is
     * @param problems why the listener or the textfile does not work
     */
    public record State(MetricsSettings settings, Optional<Integer> listening, List<String> problems) {

        /** For openpe:status: {@code http://127.0.0.1:9464/metrics, textfile /path}, or {@code off}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            listening.ifPresent(port -> parts.add("http://127.0.0.1:" + port + "/metrics"));
            settings.textfile().ifPresent(file -> parts.add("textfile " + file));
            parts.addAll(problems);
            return parts.isEmpty() ? "off" : String.join("; ", parts);
        }
    }

    private final ResourceStore store;
    private final FrrObserver frr;
    private final MetricsText text;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("openpe-metrics"));
    private final ResourceStore.SnapshotListener onChange;
    // metrics thread only, except state (read by the shell)
    private MetricsSettings settings = MetricsSettings.OFF;
    private MetricsListener listener;
    private String listenerProblem;
    private String textfileProblem;
    private volatile State state = new State(MetricsSettings.OFF, Optional.empty(), List.of());

    @Activate
    public MetricsExporter(@Reference ResourceStore store, @Reference StatusBoard board, @Reference ReconcileEngine engine,
            @Reference Definitions definitions) {
        this.store = store;
        this.frr = new FrrObserver(engine::frr, Duration.ofSeconds(5), Duration.ofSeconds(3));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new OpenpeCollector(engine.counters(), store::current, definitions::types, board, frr));
        this.text = new MetricsText(registry);
        this.onChange = snapshot -> executor.execute(() -> configure(snapshot.node().metrics()));
        store.addListener(onChange);
        executor.execute(() -> configure(store.current().node().metrics()));
        executor.scheduleWithFixedDelay(this::tick, TEXTFILE_SECONDS, TEXTFILE_SECONDS, TimeUnit.SECONDS);
    }

    public State state() {
        return state;
    }

    private void configure(MetricsSettings wanted) {
        if (wanted.equals(settings)) {
            return;
        }
        if (wanted.port() != settings.port()) {
            closeListener();
            listenerProblem = null;
        }
        if (!wanted.textfile().equals(settings.textfile())) {
            textfileProblem = null;
        }
        settings = wanted;
        tick();
    }

    private void tick() {
        if (settings.port() != 0 && listener == null) {
            openListener();
        }
        settings.textfile().ifPresent(this::writeTextfile);
        List<String> problems = new ArrayList<>();
        Optional.ofNullable(listenerProblem).ifPresent(problems::add);
        Optional.ofNullable(textfileProblem).ifPresent(problems::add);
        state = new State(settings, Optional.ofNullable(listener).map(MetricsListener::port), problems);
    }

    private void openListener() {
        try {
            listener = new MetricsListener(settings.port(), text);
            listenerProblem = null;
            LOG.info("metrics served on http://127.0.0.1:{}/metrics", settings.port());
        } catch (IOException e) {
            String problem = "metrics not served: 127.0.0.1:" + settings.port() + " cannot be bound ("
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()) + "); tried again every "
                    + TEXTFILE_SECONDS + " s";
            if (!problem.equals(listenerProblem)) {
                LOG.error("{}", problem);
            }
            listenerProblem = problem;
        }
    }

    private void writeTextfile(Path file) {
        try {
            TextfileWriter.write(file, text.scrape());
            textfileProblem = null;
        } catch (IOException | RuntimeException e) {
            String problem = "metrics textfile " + file + " not written: " + e;
            if (!problem.equals(textfileProblem)) {
                LOG.error("{}", problem);
            }
            textfileProblem = problem;
        }
    }

    private void closeListener() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Deactivate
    void deactivate() {
        store.removeListener(onChange);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeListener();
        frr.close();
    }
}
