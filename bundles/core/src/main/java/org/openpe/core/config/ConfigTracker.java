package org.openpe.core.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.core.definition.DefinitionRegistry;
import org.openpe.core.definition.Definitions;
import org.openpe.core.definition.UnboundResource;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.InterfaceAddresses;
import org.openpe.core.validation.NetworkInterfaceAddresses;
import org.openpe.core.validation.NodeRules;
import org.openpe.core.validation.NodeState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every OpenPE configuration in config admin (the four resource factory PIDs and the
 * {@value #NODE_PID} singleton) on create, update and delete, validates the whole set after each
 * change and publishes the result as a {@link Snapshot}.
 *
 * <p>Each configuration has a generation, increased whenever its properties change. The version in
 * force of each resource (the last one the engine applied, {@link #markApplied}) is kept, also
 * across restarts, so that a rejected candidate leaves it applied.
 *
 * <p>{@code etc/} is the source of truth: at activation, configurations whose
 * {@code felix.fileinstall.filename} no longer exists (deleted while the runtime was stopped)
 * are deleted from config admin.
 *
 * <p>Changes are coalesced: a burst of events (a directory of files appearing or vanishing) is read
 * and validated together, {@value #COALESCE_MILLIS} ms after its first event, or as soon as someone
 * asks for the {@link #current()} snapshot, so a bulk import costs a few validations, not one each.
 */
@Component(service = {ResourceStore.class, ConfigurationListener.class}, immediate = true)
public class ConfigTracker implements ResourceStore, ConfigurationListener {

    public static final String NODE_PID = "org.openpe.node";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigTracker.class);
    static final long COALESCE_MILLIS = 100;

    private final ConfigurationAdmin configAdmin;
    private final Definitions definitions;
    private final Runnable onDefinitionsChanged = this::definitionsChanged;
    private final NodeRules nodeRules;
    private final Map<String, Tracked> configs = new LinkedHashMap<>();
    private final Map<ResourceKey, Accepted> accepted = new HashMap<>();
    private final AcceptedVersions acceptedVersions;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    /** Configurations updated since the last snapshot (PID to factory PID), to read again. */
    private final Map<String, String> updated = new LinkedHashMap<>();
    /** Resources whose configuration was deleted since the last snapshot. */
    private final Set<ResourceKey> deleted = new HashSet<>();
    /** Whether a change arrived since the last snapshot. */
    private boolean dirty;
    private boolean publishScheduled;
    private final ScheduledThreadPoolExecutor publisher = publisher();
    private Snapshot snapshot;
    /** The resource files to wait for before publishing again, and until when (see {@link #publishAsOne}). */
    private Optional<Batch> batch = Optional.empty();
    /** The properties of the last valid node settings: they stay in force while the configured ones are invalid. */
    private Optional<Map<String, Object>> nodeInForce = Optional.empty();
    /** The node settings in force as last resolved (with their index), while this runtime runs. */
    private Optional<NodeState> lastResolved = Optional.empty();
    /** Why the versions in force could not be written last time (tried again on every revalidation). */
    private Optional<String> unsaved = Optional.empty();

    /** One configuration as last read from config admin. */
    private record Tracked(String pid, Optional<ResourceType> type, Map<String, Object> properties, long generation) {}

    private record Batch(Map<String, Map<String, Object>> files, Instant deadline, CompletableFuture<Snapshot> published) {}

    /** A version in force and the resource properties it was read from. */
    private record Accepted(AppliedVersion version, Map<String, Object> properties) {}

    @Activate
    public ConfigTracker(@Reference ConfigurationAdmin configAdmin, @Reference DefinitionRegistry registry,
            BundleContext context) {
        this(configAdmin, registry, new NetworkInterfaceAddresses(), Files::exists,
                Optional.of(AcceptedVersions.kept(StateDirectory.get().resolve("accepted-resources.json"),
                        Optional.ofNullable(context.getDataFile("accepted-resources.json")).map(File::toPath))));
    }

    /**
     * @param acceptedFile where the versions in force are kept across restarts (empty: not kept)
     */
    ConfigTracker(ConfigurationAdmin configAdmin, Definitions definitions, InterfaceAddresses interfaces,
            Predicate<Path> fileExists, Optional<Path> acceptedFile) {
        this.configAdmin = configAdmin;
        this.definitions = definitions;
        this.nodeRules = new NodeRules(interfaces);
        this.acceptedVersions = new AcceptedVersions(acceptedFile);
        if (definitions instanceof DefinitionRegistry registry) {
            registry.addListener(onDefinitionsChanged); // before the first reading, so that no change is missed
        }
        synchronized (this) {
            AcceptedVersions.InForce inForce = acceptedVersions.load();
            nodeInForce = inForce.node();
            inForce.resources().forEach((key, stored) -> accepted.put(key, new Accepted(
                    new AppliedVersion(stored.generation(), new UnboundResource(key.type(), key.name())),
                    stored.properties())));
            rebind();
            snapshot = new Snapshot(0, nodeRules.evaluate(Optional.empty(), Map.of()), List.of());
            loadAll(fileExists);
            publish();
        }
    }

    /** A plugin came or went: its configurations are read again, and what is in force is rebuilt with its definition. */
    synchronized void definitionsChanged() {
        configs.replaceAll((pid, t) -> t.type().isEmpty() ? t
                : new Tracked(t.pid(), t.type().flatMap(type -> definitions.byFactoryPid(type.factoryPid())),
                        t.properties(), t.generation()));
        rebind();
        dirty = true;
        if (!publishScheduled) {
            publishScheduled = true;
            publisher.schedule(this::publishCoalesced, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Rebuilds each version in force from its properties with its type's definition now; without a
     * definition it stands unbound until one returns, and a version the definition no longer accepts is dropped.
     */
    private void rebind() {
        accepted.entrySet().removeIf(e -> {
            Optional<Resource> resource = ConfigValidator.resource(e.getKey(), e.getValue().properties(), definitions);
            resource.ifPresent(r -> e.setValue(new Accepted(new AppliedVersion(e.getValue().version().generation(), r),
                    e.getValue().properties())));
            return resource.isEmpty();
        });
    }

    @Override
    public synchronized Snapshot current() {
        if (dirty) {
            publish();
        }
        return snapshot;
    }

    @Deactivate
    void deactivate() {
        if (definitions instanceof DefinitionRegistry registry) {
            registry.removeListener(onDefinitionsChanged);
        }
        publisher.shutdownNow();
    }

    @Override
    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    /**
     * Resolves the node index again (a {@code nodeIndexInterface} address may have come, gone or
     * changed) and publishes a new snapshot only when the node state differs, or to end a set of
     * files taken as one whose deadline passed.
     */
    @Override
    public synchronized Snapshot revalidate() {
        if (unsaved.isPresent()) {
            save();
        }
        if (batch.isPresent() || !nodeState(nodeConfig()).equals(snapshot.node())) {
            publish();
        }
        return snapshot;
    }

    @Override
    public synchronized Optional<String> persistenceProblem() {
        return unsaved;
    }

    @Override
    public CompletableFuture<Snapshot> publishAsOne(Map<String, Map<String, Object>> resourceFiles, Instant deadline) {
        Batch next = new Batch(Map.copyOf(resourceFiles), deadline, new CompletableFuture<>());
        synchronized (this) {
            batch.ifPresent(earlier -> earlier.published().complete(snapshot));
            batch = Optional.of(next);
            if (dirty) {
                publish();
            } else if (batchComplete()) { // the files are already these
                next.published().complete(snapshot);
            }
        }
        CompletableFuture.runAsync(this::revalidate, CompletableFuture.delayedExecutor(
                Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 10, TimeUnit.MILLISECONDS));
        return next.published();
    }

    /** Whether the configurations read from resource files are those of the batch (ends it when they are, or when it is due). */
    private boolean batchComplete() {
        if (batch.isEmpty()) {
            return true;
        }
        Map<String, Map<String, Object>> held = new HashMap<>();
        configs.values().stream().filter(t -> t.type().isPresent()).forEach(t -> ResourceNames.file(t.properties())
                .ifPresent(f -> held.put(f.getFileName().toString(), PropertyTree.resourceProperties(t.properties()))));
        boolean complete = held.equals(batch.get().files());
        if (!complete && Instant.now().isBefore(batch.get().deadline())) {
            return false;
        }
        if (!complete) {
            LOG.warn("Publishing the configuration although not all of a set of resource files was read by {}: {} of {}",
                    batch.get().deadline(), held.keySet(), batch.get().files().keySet());
        }
        batch = Optional.empty();
        return true;
    }

    @Override
    public synchronized void markApplied(Map<ResourceKey, Long> generations) {
        boolean changed = false;
        for (Map.Entry<ResourceKey, Long> applied : generations.entrySet()) {
            Optional<ResourceEntry> entry = snapshot.entry(applied.getKey())
                    .filter(e -> e.generation() == applied.getValue() && e.isValid());
            if (entry.isEmpty() || entry.flatMap(ResourceEntry::applied).map(AppliedVersion::generation)
                    .equals(Optional.of(applied.getValue()))) {
                continue;
            }
            ResourceEntry e = entry.get();
            accepted.put(e.key(), new Accepted(new AppliedVersion(e.generation(), e.resource().orElseThrow()),
                    e.properties()));
            changed = true;
        }
        if (changed) {
            save();
            publish();
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!isTracked(event.getPid(), event.getFactoryPid())) {
            return;
        }
        synchronized (this) {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                Tracked gone = configs.remove(event.getPid());
                if (gone != null && gone.type().isPresent()) {
                    deleted.add(key(gone));
                }
                updated.remove(event.getPid());
            } else if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                updated.put(event.getPid(), event.getFactoryPid());
            } else {
                return;
            }
            dirty = true;
            if (!publishScheduled) {
                publishScheduled = true;
                publisher.schedule(this::publishCoalesced, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void publishCoalesced() {
        publishScheduled = false;
        if (dirty) {
            publish();
        }
    }

    private static ScheduledThreadPoolExecutor publisher() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "openpe-config-publish");
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(10, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Drops the versions in force of the deleted resources before the updates are read, so that a
     * resource deleted and created again in one burst is new, as when the two came apart.
     */
    private void forgetDeleted() {
        if (deleted.isEmpty()) {
            return;
        }
        Set<ResourceKey> configured = configs.values().stream().filter(t -> t.type().isPresent())
                .map(ConfigTracker::key).collect(Collectors.toSet());
        deleted.removeAll(configured);
        if (accepted.keySet().removeAll(deleted)) {
            save();
        }
        deleted.clear();
    }

    /** Reads the updated configurations: one by one when few, else in one listing of all OpenPE configurations. */
    private void readUpdated() {
        if (updated.size() == 1) {
            updated.forEach(this::reload);
        } else if (!updated.isEmpty()) {
            Map<String, Map<String, Object>> all = new HashMap<>();
            for (Configuration c : list(trackedFilter())) {
                Optional.ofNullable(toMap(c.getProperties())).ifPresent(p -> all.put(c.getPid(), p));
            }
            updated.forEach((pid, factoryPid) -> update(pid, factoryPid, Optional.ofNullable(all.get(pid))));
        }
        updated.clear();
    }

    /** The node settings and every {@code org.openpe.<id>} factory configuration, whether a plugin defines the type or not. */
    private static boolean isTracked(String pid, String factoryPid) {
        return NODE_PID.equals(pid) || ResourceType.idOfFactoryPid(factoryPid).isPresent();
    }

    private static String trackedFilter() {
        return "(|(" + Constants.SERVICE_PID + "=" + NODE_PID + ")(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                + ResourceType.PID_PREFIX + "*))";
    }

    private void loadAll(Predicate<Path> fileExists) {
        List<Tracked> found = new ArrayList<>();
        for (Configuration c : list(trackedFilter())) {
            Map<String, Object> properties = toMap(c.getProperties());
            if (properties == null) {
                continue;
            }
            Optional<Path> file = ResourceNames.file(properties);
            if (file.isPresent() && !fileExists.test(file.get())) {
                delete(c, file.get());
                continue;
            }
            Optional<ResourceType> type = Optional.ofNullable(c.getFactoryPid()).flatMap(definitions::byFactoryPid);
            found.add(new Tracked(c.getPid(), type, properties, firstGeneration(c.getPid(), type, properties)));
        }
        // a stable order at start-up, so the same resource wins a conflict after every restart
        found.sort(Comparator.comparing((Tracked t) -> t.type().isPresent())
                .thenComparing(t -> t.type().map(ResourceType::id).orElse(""))
                .thenComparing(t -> t.type().isEmpty() ? "" : key(t).name()).thenComparing(Tracked::pid));
        found.forEach(t -> configs.put(t.pid(), t));
    }

    private void delete(Configuration c, Path file) {
        try {
            LOG.info("Deleting configuration {}: its file {} was removed while the runtime was stopped", c.getPid(), file);
            c.delete();
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Cannot delete stale configuration {}", c.getPid(), e);
        }
    }

    private void reload(String pid, String factoryPid) {
        String filter = "(" + Constants.SERVICE_PID + "=" + escape(pid) + ")";
        update(pid, factoryPid, list(filter).stream().map(c -> toMap(c.getProperties())).filter(p -> p != null).findFirst());
    }

    private void update(String pid, String factoryPid, Optional<Map<String, Object>> properties) {
        if (properties.isEmpty()) {
            configs.remove(pid);
            return;
        }
        Tracked before = configs.get(pid);
        Optional<ResourceType> type = Optional.ofNullable(factoryPid).flatMap(definitions::byFactoryPid);
        long generation = before == null ? firstGeneration(pid, type, properties.get())
                : PropertyTree.resourceProperties(before.properties()).equals(PropertyTree.resourceProperties(properties.get()))
                        ? before.generation() : before.generation() + 1;
        Tracked tracked = new Tracked(pid, type, properties.get(), generation);
        // replace in place: a resource keeps its position (and so the things it claimed first)
        configs.put(pid, tracked);
    }

    /**
     * Continues the generations of the version in force: the same properties are its generation,
     * others the next one.
     */
    private long firstGeneration(String pid, Optional<ResourceType> type, Map<String, Object> properties) {
        if (type.isEmpty()) {
            return 1;
        }
        Accepted applied = accepted.get(key(new Tracked(pid, type, properties, 0)));
        if (applied == null) {
            return 1;
        }
        boolean same = applied.properties().equals(PropertyTree.resourceProperties(properties));
        return applied.version().generation() + (same ? 0 : 1);
    }

    private List<Configuration> list(String filter) {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot list configurations {}", filter, e);
            return List.of();
        }
    }

    private Optional<Tracked> nodeConfig() {
        return configs.values().stream().filter(t -> t.type().isEmpty()).findFirst();
    }

    private void publish() {
        forgetDeleted();
        readUpdated();
        dirty = false;
        Optional<Batch> ending = batch;
        if (!batchComplete()) {
            return;
        }
        NodeState node = nodeState(nodeConfig());
        List<Candidate> candidates = configs.values().stream()
                .filter(t -> t.type().isPresent())
                .map(this::candidate)
                .toList();
        if (accepted.keySet().retainAll(candidates.stream().map(Candidate::key).collect(Collectors.toSet()))) {
            save();
        }
        List<ResourceEntry> entries = ConfigValidator.validate(candidates, node, definitions);
        snapshot = new Snapshot(snapshot.revision() + 1, node, entries);
        for (SnapshotListener listener : listeners) {
            try {
                listener.changed(snapshot);
            } catch (RuntimeException e) {
                LOG.error("Snapshot listener {} failed", listener, e);
            }
        }
        ending.ifPresent(b -> b.published().complete(snapshot));
    }

    /**
     * The configured node settings when valid (they become the ones in force), else the ones in
     * force, rejecting the configured ones; without a node configuration, none are in force. When
     * the settings in force no longer resolve an index (their {@code nodeIndexInterface} lost its
     * address or is gone), the index they last resolved to stays in force.
     */
    private NodeState nodeState(Optional<Tracked> nodeConfig) {
        Optional<Map<String, Object>> properties = nodeConfig.map(t -> PropertyTree.resourceProperties(t.properties()));
        NodeState configured = nodeRules.evaluate(nodeConfig.map(ConfigTracker::source), properties.orElse(Map.of()));
        if (configured.isValid() || nodeConfig.isEmpty()) {
            Optional<Map<String, Object>> inForce = configured.isValid() ? properties : Optional.empty();
            if (!inForce.equals(nodeInForce)) {
                nodeInForce = inForce;
                save();
            }
            lastResolved = configured.isValid() ? Optional.of(configured) : Optional.empty();
            return configured;
        }
        return nodeInForce.map(p -> nodeRules.evaluate(configured.source(), p)).filter(NodeState::isValid)
                .or(() -> lastResolved)
                .map(valid -> valid.rejecting(configured)).orElse(configured);
    }

    private Candidate candidate(Tracked t) {
        ResourceKey key = key(t);
        Optional<String> problem = ResourceNames.derive(t.type().orElseThrow().factoryPid(), t.pid(), t.properties())
                .isPresent() ? Optional.empty() : Optional.of(ResourceNames.noNameProblem(t.type().get().factoryPid()));
        return new Candidate(key, source(t), PropertyTree.resourceProperties(t.properties()), t.generation(),
                Optional.ofNullable(accepted.get(key)).map(Accepted::version), problem);
    }

    private static ResourceKey key(Tracked t) {
        ResourceType type = t.type().orElseThrow();
        return new ResourceKey(type, ResourceNames.derive(type.factoryPid(), t.pid(), t.properties()).orElse(t.pid()));
    }

    private static ConfigSource source(Tracked t) {
        return new ConfigSource(t.pid(), ResourceNames.file(t.properties()).map(Path::toString));
    }

    private void save() {
        Map<ResourceKey, AcceptedVersions.Stored> stored = new HashMap<>();
        accepted.forEach((key, a) -> stored.put(key, new AcceptedVersions.Stored(a.version().generation(), a.properties())));
        Optional<String> problem = acceptedVersions.save(new AcceptedVersions.InForce(stored, nodeInForce));
        if (problem.isPresent() && !problem.equals(unsaved)) {
            LOG.warn("{}; the versions in force stay applied and are written again on every reconcile", problem.get());
        } else if (problem.isEmpty() && unsaved.isPresent()) {
            LOG.info("the versions in force are written again");
        }
        unsaved = problem;
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> dictionary) {
        if (dictionary == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : Collections.list(dictionary.keys())) {
            map.put(key, dictionary.get(key));
        }
        return map;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
