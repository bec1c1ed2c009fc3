package org.openpe.core.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.openpe.api.ResourceType;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.EngineCounters;
import org.openpe.core.status.ResourceState;
import org.openpe.core.status.ResourceStatuses;
import org.openpe.core.status.StatusBoard;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;

/**
 * OpenPE's metrics, built at each scrape from what the engine counted, the resources' status and
 * FRR's state (see {@link FrrObserver}); the names are in the README's metrics table.
 */
final class OpenpeCollector implements MultiCollector {

    private static final List<String> FRR_STATES = List.of("Idle", "Connect", "Active", "OpenSent", "OpenConfirm",
            "Established");

    private final EngineCounters counters;
    private final Supplier<Snapshot> snapshot;
    private final Supplier<Collection<ResourceType>> types;
    private final StatusBoard board;
    private final FrrObserver frr;

    /**
     * @param types the resource types to count even when none is configured
     */
    OpenpeCollector(EngineCounters counters, Supplier<Snapshot> snapshot, Supplier<Collection<ResourceType>> types,
            StatusBoard board, FrrObserver frr) {
        this.counters = counters;
        this.snapshot = snapshot;
        this.types = types;
        this.board = board;
        this.frr = frr;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> metrics = new ArrayList<>();
        FrrObservation observation = frr.current();
        metrics.add(gauge("openpe_frr_up", "1 when FRR's state could be read for this scrape, else 0",
                Map.of(Labels.EMPTY, observation.ok() ? 1.0 : 0.0)));
        metrics.add(gauge("openpe_frr_observation_age_seconds", "How old the FRR state of this scrape is",
                Map.of(Labels.EMPTY, Math.max(0, Duration.between(observation.at(), Instant.now()).toMillis() / 1e3))));
        bgp(observation.neighbors(), metrics);
        evpn(observation, metrics);
        metrics.add(resources());
        engine(metrics);
        return new MetricSnapshots(metrics);
    }

    private static void bgp(List<BgpNeighborState> neighbors, List<MetricSnapshot> metrics) {
        Map<Labels, Double> up = new LinkedHashMap<>();
        Map<Labels, Double> state = new LinkedHashMap<>();
        Map<Labels, Double> uptime = new LinkedHashMap<>();
        Map<Labels, Double> received = new LinkedHashMap<>();
        Map<Labels, Double> sent = new LinkedHashMap<>();
        for (BgpNeighborState n : neighbors) {
            Labels session = Labels.of("peer", n.peer(), "vrf", n.vrf());
            up.merge(session, n.established() ? 1.0 : 0.0, Math::max);
            for (String s : FRR_STATES) {
                state.put(session.add("state", s), s.equals(n.state()) ? 1.0 : 0.0);
            }
            uptime.merge(session, n.established() ? n.uptime().toSeconds() : 0.0, Math::max);
            Labels family = session.add("afi", n.addressFamily());
            received.put(family, (double) n.prefixesReceived());
            sent.put(family, (double) n.prefixesSent());
        }
        metrics.add(gauge("openpe_bgp_session_up", "1 while the BGP session is Established, else 0", up));
        metrics.add(gauge("openpe_bgp_session_state", "1 for the session's current BGP state (FRR's name), 0 for the others",
                state));
        metrics.add(gauge("openpe_bgp_session_uptime_seconds", "Time since the session came up; 0 while it is down",
                uptime));
        metrics.add(gauge("openpe_bgp_prefixes_received", "Prefixes received from the peer, per address family",
                received));
        metrics.add(gauge("openpe_bgp_prefixes_sent", "Prefixes sent to the peer, per address family", sent));
    }

    private static void evpn(FrrObservation observation, List<MetricSnapshot> metrics) {
        Map<Labels, Double> vnis = new TreeMap<>();
        vnis.put(Labels.of("type", "L2"), 0.0);
        vnis.put(Labels.of("type", "L3"), 0.0);
        for (EvpnVni vni : observation.vnis()) {
            vnis.merge(Labels.of("type", vni.type()), 1.0, Double::sum);
        }
        Map<Integer, Set<String>> routes = new TreeMap<>(Map.of(2, new HashSet<>(),
                3, new HashSet<>(), 5, new HashSet<>()));
        for (EvpnRoute route : observation.routes()) {
            routes.computeIfAbsent(route.routeType(), t -> new HashSet<>()).add(route.rd() + " " + route.prefix());
        }
        Map<Labels, Double> routeCounts = new LinkedHashMap<>();
        routes.forEach((type, keys) -> routeCounts.put(Labels.of("type", String.valueOf(type)), (double) keys.size()));
        metrics.add(gauge("openpe_evpn_vnis", "VNIs zebra knows, by type (L2, L3)", vnis));
        metrics.add(gauge("openpe_evpn_routes", "EVPN routes in BGP (distinct route distinguisher and prefix), by route type",
                routeCounts));
    }

    private MetricSnapshot resources() {
        Snapshot current = snapshot.get();
        Map<Labels, Double> counts = new TreeMap<>();
        Set<ResourceType> types = new TreeSet<>(this.types.get());
        current.entries().forEach(e -> types.add(e.key().type()));
        for (ResourceType type : types) {
            for (ResourceState state : ResourceState.values()) {
                counts.put(Labels.of("status", stateName(state), "type", type.id()), 0.0);
            }
        }
        for (ResourceEntry entry : current.entries()) {
            String status = ResourceStatuses.shown(entry, current, board).stateName();
            counts.merge(Labels.of("status", status, "type", entry.key().type().id()), 1.0, Double::sum);
        }
        return gauge("openpe_resources", "Configured resources by status (as openpe:list shows it) and type", counts);
    }

    private void engine(List<MetricSnapshot> metrics) {
        metrics.add(counter("openpe_reconcile_passes", "Reconcile passes completed", Map.of(Labels.EMPTY,
                (double) counters.passes())));
        metrics.add(counter("openpe_reconcile_failures", "Reconcile passes that failed as a whole",
                Map.of(Labels.EMPTY, (double) counters.passFailures())));
        metrics.add(summary("openpe_reconcile_duration_seconds", "Time the completed reconcile passes took",
                counters.passTime()));
        metrics.add(counter("openpe_reconcile_changes", "Changes made by reconcile passes (kernel objects, FRR applies)",
                Map.of(Labels.EMPTY, (double) counters.changes())));
        metrics.add(counter("openpe_frr_applies", "FRR configuration applies by outcome (applied, unchanged, failed:"
                + " FRR refused it, superseded, unavailable: FRR could not be asked)", byLabel("outcome",
                        counters.frrApplies())));
        metrics.add(summary("openpe_frr_apply_duration_seconds", "Time the applies that reached FRR took",
                counters.frrApplyTime()));
        metrics.add(counter("openpe_frr_apply_failures", "FRR applies that FRR refused or that could not reach FRR",
                Map.of(Labels.EMPTY, (double) (counters.frrApplies().getOrDefault("failed", 0L)
                        + counters.frrApplies().getOrDefault("unavailable", 0L)))));
        metrics.add(counter("openpe_frr_daemon_restarts", "FRR daemons the supervisor started again, by daemon",
                byLabel("daemon", counters.daemonRestarts())));
        metrics.add(counter("openpe_drift_repairs", "Drift repaired: kernel objects changed by a pass with no"
                + " configuration change, addresses zebra lost", byLabel("kind", counters.driftRepairs())));
        metrics.add(counter("openpe_netlink_errors", "Kernel changes that netlink refused", Map.of(Labels.EMPTY,
                (double) counters.netlinkErrors())));
    }

    private static String stateName(ResourceState state) {
        String name = state.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<Labels, Double> byLabel(String label, Map<String, Long> values) {
        Map<Labels, Double> points = new LinkedHashMap<>();
        values.forEach((value, n) -> points.put(Labels.of(label, value), (double) n));
        return points;
    }

    private static GaugeSnapshot gauge(String name, String help, Map<Labels, Double> points) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach((labels, value) -> builder.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value)
                .build()));
        return builder.build();
    }

    private static CounterSnapshot counter(String name, String help, Map<Labels, Double> points) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        points.forEach((labels, value) -> builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value)
                .build()));
        return builder.build();
    }

    private static SummarySnapshot summary(String name, String help, EngineCounters.Timed timed) {
        return SummarySnapshot.builder().name(name).help(help).unit(Unit.SECONDS)
                .dataPoint(SummaryDataPointSnapshot.builder().count(timed.count()).sum(timed.seconds()).build()).build();
    }
}
