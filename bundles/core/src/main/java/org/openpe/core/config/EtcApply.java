package org.openpe.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the resource files of {@code etc/} as one change ({@code openpe:apply}): the tracker
 * publishes the set only once config admin holds all of it. With a confirm deadline, the previous
 * files and the deadline are first kept in the state directory ({@value #STATE_FILE}, owner-only,
 * written atomically; see {@link StateDirectory}); unless {@link #confirm()} is called in time, the previous files come back by
 * themselves, also when the runtime restarted in between.
 */
@Component(service = EtcApply.class, immediate = true)
public class EtcApply {

    static final String STATE_FILE = "pending-confirmation.json";
    /** How long the tracker waits for FileInstall to have read every file of a set before it publishes anyway. */
    public static final Duration PICK_UP = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(EtcApply.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change applied with a confirm deadline, not confirmed yet. */
    public record Pending(Instant deadline, String appliedFrom, ResourceFiles previous) {}

    private final ResourceStore store;
    private final Path etc;
    private final Path stateFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "openpe-confirm");
        thread.setDaemon(true);
        return thread;
    });
    private Optional<Pending> pending = Optional.empty();
    private ScheduledFuture<?> rollback;

    @Activate
    public EtcApply(@Reference ResourceStore store) {
        this(store, Path.of(System.getProperty("karaf.etc", "etc")),
                StateDirectory.get().resolve(STATE_FILE));
    }

    EtcApply(ResourceStore store, Path etc, Path stateFile) {
        this.store = store;
        this.etc = etc;
        this.stateFile = stateFile;
        synchronized (this) {
            pending = load();
            pending.ifPresent(p -> {
                LOG.warn("A change applied from {} awaits confirmation until {}: rolled back then unless confirmed",
                        p.appliedFrom(), p.deadline());
                schedule(p.deadline());
            });
        }
    }

    public synchronized Optional<Pending> pending() {
        return pending;
    }

    /**
     * Makes {@code files} the resource files of {@code etc/}. With {@code confirmWithin}, the current
     * ones come back after that long unless {@link #confirm()} is called.
     *
     * @return completes with the snapshot that holds the new files
     * @throws IllegalStateException while an earlier change awaits its confirmation
     */
    public synchronized CompletableFuture<Snapshot> apply(ResourceFiles files, String from, Optional<Duration> confirmWithin)
            throws IOException {
        if (pending.isPresent()) {
            throw new IllegalStateException("the change applied from " + pending.get().appliedFrom()
                    + " awaits confirmation until " + pending.get().deadline()
                    + ": run openpe:confirm first, or wait for its rollback");
        }
        if (confirmWithin.isPresent()) {
            Pending p = new Pending(Instant.now().plus(confirmWithin.get()), from, ResourceFiles.read(etc));
            save(p);
            pending = Optional.of(p);
            schedule(p.deadline());
        }
        return replace(files);
    }

    /** Keeps the pending change; false when none is pending. */
    public synchronized boolean confirm() throws IOException {
        if (pending.isEmpty()) {
            return false;
        }
        rollback.cancel(false);
        Files.deleteIfExists(stateFile);
        LOG.info("The change applied from {} is confirmed", pending.get().appliedFrom());
        pending = Optional.empty();
        return true;
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private CompletableFuture<Snapshot> replace(ResourceFiles files) throws IOException {
        CompletableFuture<Snapshot> published = store.publishAsOne(files.properties(), Instant.now().plus(PICK_UP));
        files.replaceIn(etc);
        return published;
    }

    private void schedule(Instant deadline) {
        rollback = timer.schedule(this::rollBack, Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void rollBack() {
        if (pending.isEmpty()) {
            return;
        }
        Pending p = pending.get();
        try {
            LOG.warn("The change applied from {} was not confirmed by {}: restoring the previous resource files",
                    p.appliedFrom(), p.deadline());
            replace(p.previous());
            Files.deleteIfExists(stateFile);
            pending = Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.error("Rolling back the change applied from {} failed; trying again in 10 s", p.appliedFrom(), e);
            rollback = timer.schedule(this::rollBack, 10, TimeUnit.SECONDS);
        }
    }

    private void save(Pending p) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("deadline", p.deadline().toString());
        root.put("appliedFrom", p.appliedFrom());
        ObjectNode previous = root.putObject("previous");
        p.previous().files().forEach(previous::put);
        Files.createDirectories(stateFile.getParent());
        CfgFiles.write(stateFile, JSON.writeValueAsString(root));
    }

    private Optional<Pending> load() {
        if (!Files.exists(stateFile)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(stateFile.toFile());
            Map<String, String> previous = new LinkedHashMap<>();
            root.get("previous").fields().forEachRemaining(f -> previous.put(f.getKey(), f.getValue().asText()));
            return Optional.of(new Pending(Instant.parse(root.get("deadline").asText()), root.get("appliedFrom").asText(),
                    new ResourceFiles(previous)));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read the pending confirmation " + stateFile,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
