package org.openpe.core.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.model.NodeSettings;
import org.openpe.api.model.Resource;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.ResourceStore;
import org.openpe.core.config.Snapshot;
import org.openpe.core.config.StateDirectory;
import org.openpe.core.engine.kernel.Kernel;
import org.openpe.core.definition.Definitions;
import org.openpe.core.definition.UnboundResource;
import org.openpe.core.engine.kernel.NetlinkKernel;
import org.openpe.core.engine.kernel.ZebraAddressWatch;
import org.openpe.core.status.BgpSessionStatus;
import org.openpe.core.status.NodeStatus;
import org.openpe.core.status.StatusBoard;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.DaemonState;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrListener;
import org.openpe.frr.FrrManager;
import org.openpe.frr.FrrSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node matching the configuration. Reconciles on every configuration change (bursts
 * coalesced), when a plugin comes or goes, when FRR restarts a daemon, and every
 * {@value #RESYNC_SECONDS} s to repair drift. Passes run one at a time on one thread.
 */
@Component(service = ReconcileEngine.class, immediate = true)
public class ReconcileEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileEngine.class);
    private static final long COALESCE_MILLIS = 300;
    /**
     * How often the node index is resolved again between passes: a {@code nodeIndexInterface}
     * address that comes (DHCP, SLAAC), changes or goes is seen within this time, and a change
     * triggers a pass (a revalidation that changes nothing costs microseconds).
     */
    static final long NODE_INDEX_RECHECK_SECONDS = 5;
    static final long RESYNC_SECONDS = 30;
    /** After a pass, FRR's sessions are read again at most this often (openpe:status reads them itself). */
    static final long OBSERVE_SECONDS = 15;
    /** How long resources wait for a plugin whose bundle does not declare itself a {@code ResourcePlugin}. */
    static final Duration PLUGIN_GRACE = Duration.ofSeconds(10);

    private final ResourceStore store;
    private final StatusBoard board;
    private final FrrManager frrManager;
    private final Map<ResourceType, Reconciler> reconcilers = new ConcurrentHashMap<>();
    private final Definitions definitions;
    private final Map<ResourceType, Instant> pluginGoneSince = new ConcurrentHashMap<>();
    private final Instant activatedAt = Instant.now();
    private final InstalledPlugins pluginBundles;
    private final Function<String, Kernel> kernels;
    private final NicHandover handover;
    private final ZebraAddressWatch zebraWatch = new ZebraAddressWatch();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "openpe-reconcile");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads FRR's daemons and sessions after passes, off the reconcile thread: at 1,000 VRFs that takes seconds. */
    private final ScheduledExecutorService observer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "openpe-frr-observe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean observationPending = new AtomicBoolean();
    private volatile long lastObservationNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(OBSERVE_SECONDS);
    private final ResourceStore.SnapshotListener onChange = snapshot -> trigger();
    private final FrrListener onFrrEvent = new FrrListener() {
        @Override
        public void daemonRestarted(FrrInstance instance, String daemon, long pid) {
            counters.daemonRestarted(daemon);
            trigger();
        }

        @Override
        public void driftRepaired(FrrInstance instance, ApplyResult result) {
            counters.driftRepaired("frr");
        }
    };

    private final CandidateRejections rejections = new CandidateRejections();
    private final FrrRefusal frrRefusal = new FrrRefusal();
    private final RememberedContributions remembered = new RememberedContributions();
    private final PassRequests passRequests = new PassRequests(executor, this::runLogged, COALESCE_MILLIS);
    private Kernel kernel;
    private FrrInstance frr;
    private FrrSettings frrSettings;
    /** Why FRR could not be opened last time, logged once per distinct reason; reconcile thread only. */
    private String lastFrrProblem;
    /** Why the node index is unknown, logged once per distinct reason; reconcile thread only. */
    private String lastNodeIndexProblem;
    private volatile Optional<ReconcileReport> lastReport = Optional.empty();
    private final EngineCounters counters = new EngineCounters();
    /** What the previous pass worked from; a pass from the same inputs only repairs drift. Reconcile thread only. */
    private List<Object> lastPassInputs = List.of();
    /** Whether the last pass found nothing to change; the first such pass after changes is logged. */
    private boolean inSync;

    @Activate
    public ReconcileEngine(@Reference ResourceStore store, @Reference StatusBoard board,
            @Reference FrrManager frrManager, @Reference Definitions definitions, BundleContext context) {
        this(store, board, frrManager, definitions, onUninstalled -> new PluginBundles(context, onUninstalled),
                routerNamespace -> NetlinkKernel.open(Optional.empty(), routerNamespace),
                new NicStateFile(StateDirectory.get().resolve("moved-nics.json")));
    }

    /**
     * Outside OSGi (tests): the plugin bundles, the kernel of a router namespace and the NIC state
     * file come from the caller.
     *
     * @param plugins opens the view of the installed plugin bundles, given what to call when one is uninstalled
     * @param kernels opens the kernel of a router namespace
     */
    ReconcileEngine(ResourceStore store, StatusBoard board, FrrManager frrManager, Definitions definitions,
            Function<Consumer<Set<ResourceType>>, InstalledPlugins> plugins, Function<String, Kernel> kernels,
            NicStateFile nicState) {
        this.store = store;
        this.definitions = definitions;
        this.board = board;
        this.frrManager = frrManager;
        this.kernels = kernels;
        this.handover = new NicHandover(nicState);
        this.pluginBundles = plugins.apply(this::pluginsUninstalled);
        store.addListener(onChange);
        executor.scheduleWithFixedDelay(this::trigger, RESYNC_SECONDS, RESYNC_SECONDS, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::recheckNodeIndex, NODE_INDEX_RECHECK_SECONDS, NODE_INDEX_RECHECK_SECONDS,
                TimeUnit.SECONDS);
        executor.schedule(this::trigger, PLUGIN_GRACE.toMillis() + COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        trigger();
    }

    @Reference(service = Reconciler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindReconciler(Reconciler reconciler, Map<String, Object> properties) {
        typeOf(properties).ifPresent(type -> {
            reconcilers.put(type, reconciler);
            pluginGoneSince.remove(type);
            LOG.info("plugin for {} resources registered", type.id());
            trigger();
        });
    }

    void unbindReconciler(Reconciler reconciler, Map<String, Object> properties) {
        typeOf(properties).ifPresent(type -> {
            if (reconcilers.remove(type, reconciler)) {
                pluginGoneSince.put(type, Instant.now());
                LOG.info("plugin for {} resources unregistered", type.id());
                trigger();
                passRequests.later(this::trigger, PLUGIN_GRACE.toMillis() + COALESCE_MILLIS);
            }
        });
    }

    private void pluginsUninstalled(Set<ResourceType> types) {
        types.forEach(type -> {
            pluginGoneSince.remove(type);
            LOG.info("plugin bundle for {} resources uninstalled", type.id());
        });
        trigger();
    }

    private void recheckNodeIndex() {
        try {
            store.revalidate();
        } catch (RuntimeException e) {
            LOG.warn("resolving the node index again failed: {}", e.getMessage());
        }
    }

    /** Schedules a pass soon (see {@link PassRequests}). */
    public void trigger() {
        passRequests.request();
    }

    /** Runs a pass now (after any running one) and reports what it changed. */
    public ReconcileReport reconcileNow(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return executor.submit(this::run).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * What a pass would change, without changing anything; computed on the reconcile thread, between passes.
     *
     * @param replacing the resources to plan for instead of the configured ones (a directory's, validated)
     */
    public ChangePlan plan(Optional<List<Resource>> replacing, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return executor.submit(() -> planNow(replacing)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    public Optional<ReconcileReport> lastReport() {
        return lastReport;
    }

    /** What the engine did since it started, for the metrics. */
    public EngineCounters counters() {
        return counters;
    }

    /** The FRR instance of the router namespace, once the first pass has started it. */
    public Optional<FrrInstance> frr() {
        return Optional.ofNullable(frr);
    }

    @Deactivate
    void deactivate() {
        store.removeListener(onChange);
        executor.shutdownNow();
        observer.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // only once no pass can run: without the tracker every plugin counts as uninstalled, and a pass
        // then (the one the plugins' unregistering at shutdown asked for) removed everything they had made
        pluginBundles.close();
        closeFrr();
        closeKernel();
    }

    private void runLogged() {
        try {
            run();
            lastNodeIndexProblem = null;
        } catch (NodeIndexUnknown e) {
            if (!e.getMessage().equals(lastNodeIndexProblem)) {
                LOG.warn("{}; nothing is reconciled until it is known (checked every {} s)", e.getMessage(),
                        NODE_INDEX_RECHECK_SECONDS);
            }
            lastNodeIndexProblem = e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("reconcile failed: {}", e.getMessage(), e);
            counters.passFailed();
            board.updateNode(n -> new NodeStatus(n.routerNamespace(), n.routerNamespacePresent(), n.frrDaemons(),
                    n.bgpSessions(), Optional.of(Instant.now()), n.lastReconcileDuration(), Optional.of(e.getMessage())));
        }
    }

    private ReconcileReport run() {
        PassTally tally = new PassTally();
        Snapshot snapshot = store.revalidate();
        if (snapshot.node().nodeIndex().isEmpty()) {
            String reason = "node index unknown: " + String.join("; ", snapshot.node().problems());
            board.updateNode(n -> new NodeStatus(n.routerNamespace(), n.routerNamespacePresent(), n.frrDaemons(),
                    n.bgpSessions(), Optional.of(Instant.now()), Optional.empty(), Optional.of(reason)));
            throw new NodeIndexUnknown(reason);
        }
        NodeSettings settings = snapshot.node().settings();
        openKernel(settings.routerNamespace());
        Optional<String> frrProblem = openFrr(settings);
        FrrInstance instance = frr;
        Supplier<FrrInstance> frrAccess = () -> Optional.ofNullable(instance)
                .orElseThrow(() -> new Reconciliation.FrrUnavailable(frrProblem.orElse("FRR is not open")));
        tally.step("revalidate");
        Map<ResourceType, Reconciler> usable = usableReconcilers(snapshot);
        Map<ResourceType, String> awaited = awaitedPlugins(snapshot, usable);
        ReconcileReport report = new Reconciliation(snapshot, snapshot.node().nodeIndex().getAsInt(), kernel, frrAccess,
                handover,
                type -> Optional.ofNullable(usable.get(type)), awaited, board, zebraWatch, rejections,
                frrRefusal, remembered, tally).run();
        lastReport = Optional.of(report);
        List<Object> inputs = List.of(snapshot, usable, awaited);
        counters.passCompleted(report, tally, inputs.equals(lastPassInputs));
        lastPassInputs = inputs;
        store.markApplied(report.appliedGenerations());
        tally.step("mark applied");
        zebraWatch.nextDue().ifPresent(due -> passRequests.later(this::trigger,
                Math.max(0, Duration.between(Instant.now(), due).toMillis()) + COALESCE_MILLIS));
        publishNodeStatus(settings.routerNamespace(), report);
        if (!report.changes().isEmpty()) {
            LOG.info("reconciled in {} ms: {} change(s) ({} ms)", report.duration().toMillis(), report.changes().size(),
                    tally.steps());
        } else if (!inSync) {
            LOG.info("reconciled in {} ms: nothing to change ({} ms)", report.duration().toMillis(), tally.steps());
        }
        inSync = report.changes().isEmpty();
        return report;
    }

    private ChangePlan planNow(Optional<List<Resource>> replacing) {
        Snapshot snapshot = store.current();
        if (snapshot.node().nodeIndex().isEmpty()) {
            throw new IllegalStateException("node index unknown: " + String.join("; ", snapshot.node().problems()));
        }
        NodeSettings settings = snapshot.node().settings();
        if (kernel == null || !kernel.routerNamespace().equals(settings.routerNamespace())) {
            throw new IllegalStateException("no reconcile has run for router namespace " + settings.routerNamespace()
                    + " yet: there is nothing to compare with");
        }
        Map<ResourceKey, Resource> realised = new LinkedHashMap<>();
        Choices.of(snapshot, rejections, Instant.now()).forEach((key, choice) -> realised.put(key, choice.resource()));
        Map<ResourceKey, Resource> before = new LinkedHashMap<>();
        Map<ResourceKey, Resource> after = new LinkedHashMap<>();
        if (replacing.isPresent()) {
            before.putAll(realised);
            replacing.get().forEach(r -> after.put(new ResourceKey(r.type(), r.name()), r));
        } else {
            snapshot.entries().stream().filter(e -> Choices.owns(snapshot, e)).forEach(e -> e.applied()
                    .ifPresent(a -> before.put(e.key(), a.resource())));
            after.putAll(realised);
        }
        Map<ResourceType, Reconciler> usable = usableReconcilers(snapshot);
        Map<ResourceType, String> awaited = awaitedPlugins(snapshot, usable);
        List<String> notes = new ArrayList<>();
        awaited.forEach((type, why) -> notes.add(type.id() + " resources: " + why + "; a pass only adds until it is back"));
        Optional.ofNullable(lastFrrProblem).ifPresent(notes::add);
        return new Planner(snapshot.node().nodeIndex().getAsInt(), settings.logLevel(), kernel, Optional.ofNullable(frr),
                handover,
                type -> Optional.ofNullable(usable.get(type))
                        .or(() -> awaited.containsKey(type) ? Optional.of(remembered.replaying()) : Optional.empty()))
                .plan(before, after, notes);
    }

    /**
     * The reconcilers a pass may call: a type's reconciler only once its definition is registered
     * and the snapshot was validated with it (none of its resources is unbound), so that a plugin
     * half registered is waited for like one that is away.
     */
    private Map<ResourceType, Reconciler> usableReconcilers(Snapshot snapshot) {
        Set<ResourceType> unbound = snapshot.entries().stream()
                .filter(e -> e.resource().filter(UnboundResource.class::isInstance).isPresent())
                .map(e -> e.key().type()).collect(Collectors.toSet());
        Map<ResourceType, Reconciler> usable = new HashMap<>(reconcilers);
        usable.keySet().removeIf(type -> unbound.contains(type) || definitions.of(type).isEmpty());
        return Map.copyOf(usable);
    }

    private Map<ResourceType, String> awaitedPlugins(Snapshot snapshot, Map<ResourceType, Reconciler> usable) {
        Map<ResourceType, String> installed = pluginBundles.installed();
        Set<ResourceType> types = new HashSet<>(installed.keySet());
        types.addAll(pluginGoneSince.keySet());
        types.addAll(reconcilers.keySet());
        snapshot.entries().forEach(e -> types.add(e.key().type()));
        return AwaitedPlugins.of(types, usable.keySet(), installed, pluginGoneSince, activatedAt, PLUGIN_GRACE,
                Instant.now());
    }

    private void openKernel(String routerNamespace) {
        if (kernel != null && kernel.routerNamespace().equals(routerNamespace)) {
            return;
        }
        closeKernel();
        kernel = kernels.apply(routerNamespace);
    }

    /**
     * Opens the FRR instance of the node settings unless it is open; when FRR cannot be started,
     * returns why: the pass then reconciles the kernel and marks FRR's part failed with the reason.
     */
    private Optional<String> openFrr(NodeSettings node) {
        org.openpe.api.model.FrrSettings configured = node.frr();
        FrrSettings wanted = FrrSettings.forNamespace(node.routerNamespace())
                .withPathspace(configured.pathspace())
                .withSupervise(configured.supervise())
                .withBinDir(Path.of(configured.binaryDir()))
                .withVtysh(Path.of(configured.vtysh()))
                .withReloadScript(Path.of(configured.reloadScript()))
                .withConfigDir(Path.of(configured.configDir()))
                .withLogLevel(node.logLevel());
        if (frr != null && wanted.equals(frrSettings)) {
            return Optional.empty();
        }
        closeFrr();
        try {
            frr = frrManager.instance(wanted);
        } catch (RuntimeException e) {
            String problem = "FRR cannot start: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
            if (!problem.equals(lastFrrProblem)) {
                LOG.error("{}; the kernel is still reconciled, FRR is tried again on every pass", problem);
            }
            lastFrrProblem = problem;
            return Optional.of(problem);
        }
        lastFrrProblem = null;
        frr.addListener(onFrrEvent);
        frrSettings = wanted;
        return Optional.empty();
    }

    private void publishNodeStatus(String routerNamespace, ReconcileReport report) {
        List<String> problems = new java.util.ArrayList<>(report.failures().values());
        store.persistenceProblem().ifPresent(problems::add);
        Optional<String> error = problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        board.updateNode(n -> new NodeStatus(routerNamespace, true, n.frrDaemons(), n.bgpSessions(),
                Optional.of(report.finishedAt()), Optional.of(report.duration()), error));
        observeFrrSoon();
    }

    /** Reads FRR's state on the observer thread, at most every {@value #OBSERVE_SECONDS} s; requests meanwhile are one. */
    private void observeFrrSoon() {
        if (!observationPending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastObservationNanos + TimeUnit.SECONDS.toNanos(OBSERVE_SECONDS) - System.nanoTime();
        observer.schedule(() -> {
            observationPending.set(false);
            lastObservationNanos = System.nanoTime();
            observeFrr();
        }, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    /** Reads FRR's daemons and BGP sessions into the node status now (FRR answers in milliseconds). */
    public void observeFrr() {
        FrrInstance instance = frr;
        if (instance == null) {
            return;
        }
        Map<String, String> daemons = new java.util.TreeMap<>();
        List<BgpSessionStatus> sessions;
        try {
            List<DaemonState> states = instance.daemons();
            for (DaemonState daemon : states) {
                daemons.put(daemon.name(), daemon.describe());
            }
            if (states.stream().anyMatch(d -> d.name().equals("bgpd") && !d.answering())) {
                // bgpd would not answer either: the sessions last seen stay, the daemons say why
                board.updateNode(n -> new NodeStatus(n.routerNamespace(), n.routerNamespacePresent(), daemons,
                        n.bgpSessions(), n.lastReconcile(), n.lastReconcileDuration(), n.lastError()));
                return;
            }
            sessions = instance.bgpNeighbors().stream()
                    .map(n -> new BgpSessionStatus(n.vrf(), n.peer(), n.remoteAs(), n.state(),
                            n.established() ? Optional.of(formatUptime(n.uptime())) : Optional.empty()))
                    .distinct().toList();
        } catch (RuntimeException e) {
            LOG.debug("FRR not observable: {}", e.getMessage());
            return;
        }
        board.updateNode(n -> new NodeStatus(n.routerNamespace(), n.routerNamespacePresent(), daemons, sessions,
                n.lastReconcile(), n.lastReconcileDuration(), n.lastError()));
    }

    private static String formatUptime(Duration uptime) {
        long s = uptime.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** No pass without a node index: every address depends on it. */
    private static final class NodeIndexUnknown extends IllegalStateException {
        NodeIndexUnknown(String reason) {
            super(reason);
        }
    }

    private static Optional<ResourceType> typeOf(Map<String, Object> properties) {
        Object type = properties.get(Reconciler.RESOURCE_TYPE);
        Optional<ResourceType> resolved = type == null ? Optional.empty()
                : ResourceType.idOfFactoryPid(ResourceType.PID_PREFIX + type).map(Definitions::unknown);
        if (resolved.isEmpty()) {
            LOG.warn("ignoring a reconciler with {}={}: not a resource type", Reconciler.RESOURCE_TYPE, type);
        }
        return resolved;
    }

    private void closeFrr() {
        if (frr != null) {
            frr.removeListener(onFrrEvent);
            frr.close();
            frr = null;
        }
    }

    private void closeKernel() {
        if (kernel != null) {
            kernel.close();
            kernel = null;
        }
    }
}
