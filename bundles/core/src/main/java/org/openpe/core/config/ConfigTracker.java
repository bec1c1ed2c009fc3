package org.openpe.core.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.core.status.ResourceState;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.StatusBoard;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.InterfaceAddresses;
import org.openpe.core.validation.NetworkInterfaceAddresses;
import org.openpe.core.validation.NodeRules;
import org.openpe.core.validation.NodeState;
import org.openpe.core.validation.Verdict;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every OpenPE configuration in config admin (the four resource factory PIDs and the
 * {@value #NODE_PID} singleton) on create, update and delete, validates the whole set after each
 * change and publishes the result as a {@link Snapshot}; validation verdicts go to the
 * {@link StatusBoard}.
 *
 * <p>{@code etc/} is the source of truth: at activation, configurations whose
 * {@code felix.fileinstall.filename} no longer exists (deleted while the runtime was stopped)
 * are deleted from config admin.
 */
@Component(service = {ResourceStore.class, ConfigurationListener.class}, immediate = true)
public class ConfigTracker implements ResourceStore, ConfigurationListener {

    public static final String NODE_PID = "org.openpe.node";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigTracker.class);

    private final ConfigurationAdmin configAdmin;
    private final StatusBoard board;
    private final NodeRules nodeRules;
    private final Map<String, Tracked> configs = new LinkedHashMap<>();
    private final Map<ResourceKey, Resource> accepted = new HashMap<>();
    private final Map<ResourceKey, Map<String, Object>> acceptedProperties = new HashMap<>();
    private final AcceptedVersions acceptedVersions;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private Snapshot snapshot;

    /** One configuration as last read from config admin. */
    private record Tracked(String pid, Optional<ResourceType> type, Map<String, Object> properties) {}

    @Activate
    public ConfigTracker(@Reference ConfigurationAdmin configAdmin, @Reference StatusBoard board, BundleContext context) {
        this(configAdmin, board, new NetworkInterfaceAddresses(), Files::exists,
                Optional.ofNullable(context.getDataFile("accepted-resources.json")).map(File::toPath));
    }

    /**
     * @param acceptedFile where the versions in force are kept across restarts (empty: not kept)
     */
    ConfigTracker(ConfigurationAdmin configAdmin, StatusBoard board, InterfaceAddresses interfaces,
            Predicate<Path> fileExists, Optional<Path> acceptedFile) {
        this.configAdmin = configAdmin;
        this.board = board;
        this.nodeRules = new NodeRules(interfaces);
        this.acceptedVersions = new AcceptedVersions(acceptedFile);
        synchronized (this) {
            acceptedVersions.load().forEach((key, properties) ->
                    ConfigValidator.resource(key, properties).ifPresent(r -> {
                        accepted.put(key, r);
                        acceptedProperties.put(key, properties);
                    }));
            snapshot = new Snapshot(0, nodeRules.evaluate(Optional.empty(), Map.of()), List.of());
            loadAll(fileExists);
            publish();
        }
    }

    @Override
    public synchronized Snapshot current() {
        return snapshot;
    }

    @Override
    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized Snapshot revalidate() {
        publish();
        return snapshot;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!isTracked(event.getPid(), event.getFactoryPid())) {
            return;
        }
        synchronized (this) {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                configs.remove(event.getPid());
            } else if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                reload(event.getPid(), event.getFactoryPid());
            } else {
                return;
            }
            publish();
        }
    }

    private static boolean isTracked(String pid, String factoryPid) {
        return NODE_PID.equals(pid) || factoryPid != null && ResourceType.byFactoryPid(factoryPid).isPresent();
    }

    private void loadAll(Predicate<Path> fileExists) {
        String filter = Arrays.stream(ResourceType.values())
                .map(t -> "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + t.factoryPid() + ")")
                .collect(Collectors.joining("", "(|(" + Constants.SERVICE_PID + "=" + NODE_PID + ")", ")"));
        List<Tracked> found = new ArrayList<>();
        for (Configuration c : list(filter)) {
            Map<String, Object> properties = toMap(c.getProperties());
            if (properties == null) {
                continue;
            }
            Optional<Path> file = ResourceNames.file(properties);
            if (file.isPresent() && !fileExists.test(file.get())) {
                delete(c, file.get());
                continue;
            }
            found.add(new Tracked(c.getPid(), Optional.ofNullable(c.getFactoryPid()).flatMap(ResourceType::byFactoryPid),
                    properties));
        }
        // a stable order at start-up, so the same resource wins a conflict after every restart
        found.sort(Comparator.comparing((Tracked t) -> t.type().map(Enum::ordinal).orElse(-1))
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
        Optional<Map<String, Object>> properties = list(filter).stream().map(c -> toMap(c.getProperties()))
                .filter(p -> p != null).findFirst();
        if (properties.isEmpty()) {
            configs.remove(pid);
            return;
        }
        Tracked tracked = new Tracked(pid, Optional.ofNullable(factoryPid).flatMap(ResourceType::byFactoryPid),
                properties.get());
        // replace in place: a resource keeps its position (and so the things it claimed first)
        configs.put(pid, tracked);
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

    private void publish() {
        NodeState node = configs.values().stream()
                .filter(t -> t.type().isEmpty())
                .findFirst()
                .map(t -> nodeRules.evaluate(Optional.of(source(t)), t.properties()))
                .orElseGet(() -> nodeRules.evaluate(Optional.empty(), Map.of()));
        List<Candidate> candidates = configs.values().stream()
                .filter(t -> t.type().isPresent())
                .map(this::candidate)
                .toList();
        List<ResourceEntry> entries = ConfigValidator.validate(candidates, node);
        Snapshot previous = snapshot;
        snapshot = new Snapshot(previous.revision() + 1, node, entries);
        rememberAccepted(entries);
        updateBoard(previous, snapshot);
        for (SnapshotListener listener : listeners) {
            try {
                listener.changed(snapshot);
            } catch (RuntimeException e) {
                LOG.error("Snapshot listener {} failed", listener, e);
            }
        }
    }

    private Candidate candidate(Tracked t) {
        ResourceKey key = key(t);
        Optional<String> problem = ResourceNames.derive(t.type().orElseThrow().factoryPid(), t.pid(), t.properties())
                .isPresent() ? Optional.empty() : Optional.of(ResourceNames.noNameProblem(t.type().get().factoryPid()));
        return new Candidate(key, source(t), PropertyTree.resourceProperties(t.properties()),
                Optional.ofNullable(accepted.get(key)), problem);
    }

    private static ResourceKey key(Tracked t) {
        ResourceType type = t.type().orElseThrow();
        return new ResourceKey(type, ResourceNames.derive(type.factoryPid(), t.pid(), t.properties()).orElse(t.pid()));
    }

    private static ConfigSource source(Tracked t) {
        return new ConfigSource(t.pid(), ResourceNames.file(t.properties()).map(Path::toString));
    }

    private void rememberAccepted(List<ResourceEntry> entries) {
        Map<ResourceKey, Map<String, Object>> properties = new HashMap<>();
        accepted.clear();
        for (ResourceEntry e : entries) {
            if (e.inForce().isEmpty() || accepted.containsKey(e.key())) {
                continue;
            }
            accepted.put(e.key(), e.inForce().get());
            boolean current = e.inForce().equals(e.resource());
            Map<String, Object> version = current ? e.properties() : acceptedProperties.get(e.key());
            if (version != null) {
                properties.put(e.key(), version);
            }
        }
        if (!properties.equals(acceptedProperties)) {
            acceptedProperties.clear();
            acceptedProperties.putAll(properties);
            acceptedVersions.save(acceptedProperties);
        }
    }

    private void updateBoard(Snapshot previous, Snapshot now) {
        Map<ResourceKey, ResourceEntry> owners = new LinkedHashMap<>();
        now.entries().forEach(e -> owners.putIfAbsent(e.key(), e));
        for (ResourceKey gone : board.all().keySet()) {
            if (!owners.containsKey(gone)) {
                board.remove(gone);
            }
        }
        owners.forEach((key, e) -> {
            if (e.verdict() instanceof Verdict.Invalid) {
                board.set(key, ResourceStatus.invalid(e.verdict().message()));
            } else if (e.verdict() instanceof Verdict.Blocked b) {
                board.set(key, ResourceStatus.blocked(b.dependency(), b.reason()));
            } else if (needsApplying(key, e, previous)) {
                board.set(key, ResourceStatus.pending());
            }
        });
    }

    /** A valid resource is pending unless the engine already reported on this very version. */
    private boolean needsApplying(ResourceKey key, ResourceEntry e, Snapshot previous) {
        Optional<ResourceState> state = board.status(key).map(ResourceStatus::state);
        boolean engineReported = state.filter(s -> s == ResourceState.APPLIED || s == ResourceState.FAILED
                || s == ResourceState.UNSUPPORTED).isPresent();
        boolean unchanged = previous.entry(key).map(ResourceEntry::inForce).equals(Optional.of(e.inForce()));
        return !(engineReported && unchanged);
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
