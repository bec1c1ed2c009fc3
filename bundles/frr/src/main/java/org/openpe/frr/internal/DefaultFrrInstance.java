package org.openpe.frr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.BfdPeer;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.DaemonState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrListener;
import org.openpe.frr.FrrSettings;
import org.openpe.frr.ZebraInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One FRR instance; see {@link FrrInstance}. */
final class DefaultFrrInstance implements FrrInstance {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultFrrInstance.class);
    /**
     * How often frr-reload compares FRR with the applied configuration, off the path of every
     * change: 2 minutes, or the system property {@value #DRIFT_CHECK_PROPERTY} (seconds); longer
     * when a check takes long (see {@link #scheduleDriftCheck}).
     */
    private static final Duration DRIFT_CHECK_INTERVAL = Duration.ofSeconds(Math.max(1,
            Long.getLong(DefaultFrrInstance.DRIFT_CHECK_PROPERTY, 120)));
    static final String DRIFT_CHECK_PROPERTY = "openpe.frr.driftCheckSeconds";
    private static final int DRIFT_CHECK_SPACING = 10;

    private final FrrSettings settings;
    private final Daemons daemons;
    private final ConfigRenderer renderer;
    private final Vtysh vtysh;
    private final Applier applier;
    /** Up to this many VRFs, zebra is asked for each one's interfaces; beyond, for all at once. */
    private static final int FEW_VRFS = 16;
    private final ApplyQueue queue;
    private final VtyBatch vty;
    private final DaemonActivity activity = new DaemonActivity();
    private final List<FrrListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService driftCheck;
    private volatile Supervisor supervisor;
    private volatile ApplyResult lastResult;

    private DefaultFrrInstance(FrrSettings settings, Duration driftCheckInterval) {
        this.settings = settings;
        Layout layout = new Layout(settings);
        this.daemons = new Daemons(settings);
        this.renderer = new ConfigRenderer(layout.frrLogFile());
        this.vtysh = new Vtysh(settings);
        this.vty = new VtyBatch(settings.pathspaceRunDir(), activity);
        this.applier = new Applier(layout, renderer, new FrrReload(settings), vtysh, vty);
        this.queue = new ApplyQueue(settings.pathspace(), this::applyNow);
        layout.prepare();
        this.driftCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frr-drift-check-" + settings.pathspace());
            t.setDaemon(true);
            return t;
        });
        scheduleDriftCheck(driftCheckInterval, driftCheckInterval);
    }

    /**
     * Schedules the next drift check after {@code delay}, and the one after it at least {@code interval}
     * and {@value #DRIFT_CHECK_SPACING} times as long as this one took (its wait in the queue
     * included) later: with thousands of VRFs a check takes minutes under load, and must not keep
     * FRR busy or hold up the applies queued behind it.
     */
    private void scheduleDriftCheck(Duration interval, Duration delay) {
        try {
            driftCheck.schedule(() -> {
                long start = System.nanoTime();
                checkDrift().whenComplete((result, e) -> scheduleDriftCheck(interval, Collections.max(List.of(interval,
                        Duration.ofNanos(System.nanoTime() - start).multipliedBy(DRIFT_CHECK_SPACING)))));
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: no more checks
        }
    }

    /** Through the queue, so that it never runs beside an apply; the worker logs what it repaired. */
    CompletableFuture<ApplyResult> checkDrift() {
        return queue.submit(null, Applier.Mode.REPAIR_DRIFT).whenComplete((result, e) -> {
            if (result != null && result.outcome() == ApplyResult.Outcome.APPLIED) {
                notifyListeners(l -> l.driftRepaired(this, result));
            }
        });
    }

    /**
     * Opens the instance of {@code settings}: with supervision, adopts the daemons that run and
     * starts the missing ones, then watches them.
     */
    static DefaultFrrInstance open(FrrSettings settings) {
        return open(settings, DRIFT_CHECK_INTERVAL);
    }

    /** @param driftCheckInterval the benchmark changes FRR behind the instance's back on purpose, and must not be repaired */
    static DefaultFrrInstance open(FrrSettings settings, Duration driftCheckInterval) {
        requireInstalled(settings);
        DefaultFrrInstance instance = new DefaultFrrInstance(settings, driftCheckInterval);
        if (settings.supervise()) {
            instance.startMissingDaemons();
            instance.supervisor = new Supervisor(settings.pathspace(), instance.daemons, instance.new Restarts(), instance.activity);
            instance.supervisor.start();
        }
        return instance;
    }

    private static void requireInstalled(FrrSettings settings) {
        for (Path path : List.of(settings.vtysh(), settings.reloadScript())) {
            if (!Files.isExecutable(path)) {
                throw new FrrException(path + " is missing or not executable (Debian packages frr and frr-pythontools)");
            }
        }
        if (settings.supervise()) {
            for (String daemon : Daemons.NAMES) {
                if (!Files.isExecutable(settings.binDir().resolve(daemon))) {
                    throw new FrrException(settings.binDir().resolve(daemon) + " is missing or not executable");
                }
            }
            Path namespace = new Daemons(settings).namespacePath();
            if (!Files.exists(namespace)) {
                throw new FrrException("router namespace " + settings.namespace() + " does not exist (" + namespace + ")");
            }
        }
    }

    private void startMissingDaemons() {
        for (String daemon : Daemons.NAMES) {
            OptionalLong pid = daemons.runningPid(daemon);
            if (pid.isPresent()) {
                if (!daemons.inRouterNamespace(pid.getAsLong())) {
                    throw new FrrException("FRR " + daemon + " of pathspace " + settings.pathspace() + " (pid " + pid.getAsLong()
                            + ") runs outside router namespace " + settings.namespace());
                }
                LOG.info("FRR {} of pathspace {} already runs as pid {}; adopted", daemon, settings.pathspace(), pid.getAsLong());
            } else {
                long started = daemons.start(daemon);
                LOG.info("FRR {} of pathspace {} started as pid {}", daemon, settings.pathspace(), started);
            }
        }
    }

    @Override
    public FrrSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<ApplyResult> apply(FrrConfig config) {
        return queue.submit(config);
    }

    private ApplyResult applyNow(FrrConfig requested, Applier.Mode mode) {
        Optional<FrrConfig> config = Optional.ofNullable(requested).or(applier::applied);
        if (config.isEmpty()) {
            return null; // a re-apply before anything was applied: nothing to restore or check
        }
        ApplyResult result = applier.apply(config.get(), mode);
        applier.applied().ifPresent(applied -> daemons.gracefulRestart(gracefulRestartTime(applied)));
        if (mode != Applier.Mode.REPAIR_DRIFT || result.outcome() != ApplyResult.Outcome.UNCHANGED) {
            lastResult = result;
        }
        return result;
    }

    private static OptionalInt gracefulRestartTime(FrrConfig config) {
        return config.defaultRouter().flatMap(BgpRouter::gracefulRestart)
                .map(gr -> OptionalInt.of(gr.restartTime())).orElse(OptionalInt.empty());
    }

    @Override
    public Optional<ApplyResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    @Override
    public Optional<FrrConfig> appliedConfig() {
        return applier.applied();
    }

    @Override
    public Optional<String> appliedConfigText() {
        return applier.applied().map(renderer::renderForDisplay);
    }

    @Override
    public String displayText(FrrConfig config) {
        return renderer.renderForDisplay(config);
    }

    @Override
    public List<String> delta(FrrConfig from, FrrConfig to) {
        return FrrDelta.forDisplay(from, to, renderer);
    }

    @Override
    public String runningConfig() {
        return SecretMasker.mask(vtysh.show("show running-config"),
                applier.applied().map(SecretMasker::secretsOf).orElse(Set.of()));
    }

    @Override
    public List<DaemonState> daemons() {
        Supervisor s = supervisor;
        return s != null ? s.states() : daemons.states();
    }

    @Override
    public List<BgpNeighborState> bgpNeighbors() {
        return Observations.bgpNeighbors(vtysh.show("show bgp vrf all summary json"));
    }

    @Override
    public List<EvpnVni> evpnVnis() {
        return Observations.evpnVnis(vtysh.show("show evpn vni json"));
    }

    @Override
    public List<EvpnRoute> evpnRoutes() {
        return Observations.evpnRoutes(vtysh.show("show bgp l2vpn evpn route detail json"));
    }

    @Override
    public List<BfdPeer> bfdPeers() {
        return Observations.bfdPeers(vtysh.show("show bfd peers json"));
    }

    @Override
    public List<ZebraInterface> interfaces() {
        return Observations.interfaces(vtysh.show("show interface vrf all json"));
    }

    /** Straight from zebra's vty: one command per VRF when few, else all VRFs in one. */
    @Override
    public List<ZebraInterface> interfaces(Set<String> vrfs) {
        if (vrfs.isEmpty()) {
            return List.of();
        }
        if (vrfs.size() > FEW_VRFS) {
            return Observations.interfaces(vty.answers("zebra", List.of("show interface vrf all json")).stream()
                    .findFirst().orElse("")).stream().filter(i -> vrfs.contains(i.vrf())).toList();
        }
        List<ZebraInterface> interfaces = new ArrayList<>();
        vty.answers("zebra", vrfs.stream().sorted().map(vrf -> "show interface vrf " + vrf + " json").toList())
                .forEach(json -> interfaces.addAll(Observations.interfaces(json)));
        return interfaces;
    }

    @Override
    public void addListener(FrrListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(FrrListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void stopDaemons() {
        stopSupervising();
        daemons.stopAll();
    }

    @Override
    public void close() {
        stopSupervising();
        driftCheck.shutdownNow();
        queue.close();
    }

    private void stopSupervising() {
        Supervisor s = supervisor;
        supervisor = null;
        if (s != null) {
            s.close();
        }
    }

    private void notifyListeners(Consumer<FrrListener> event) {
        for (FrrListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("FRR listener {} failed", listener, e);
            }
        }
    }

    /** Supervisor events: tell the listeners, then give the restarted daemons their configuration back. */
    private final class Restarts implements Supervisor.Events {
        @Override
        public void restarted(String daemon, long pid) {
            if (daemon.equals("bgpd")) {
                applier.bootBgpd();
            }
            notifyListeners(l -> l.daemonRestarted(DefaultFrrInstance.this, daemon, pid));
        }

        @Override
        public void restartFailed(String daemon, String reason) {
            notifyListeners(l -> l.daemonRestartFailed(DefaultFrrInstance.this, daemon, reason));
        }

        @Override
        public void configurationLost() {
            queue.submit(null, Applier.Mode.RESTORE).thenAccept(result -> {
                // superseded: a newer configuration, applied forcibly, restores the daemons instead
                if (result != null && result.outcome() != ApplyResult.Outcome.SUPERSEDED) {
                    notifyListeners(l -> l.configurationRestored(DefaultFrrInstance.this, result));
                }
            });
        }
    }
}
