package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelDiff;
import org.openpe.core.engine.kernel.KernelPlan;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.core.engine.kernel.NetlinkKernel;
import org.openpe.core.engine.kernel.ZebraAddressWatch;
import org.openpe.core.status.ResourceStatus;
import org.openpe.core.status.StatusBoard;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.ZebraInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass: desired state from the snapshot, kernel diff and apply, FRR apply, status.
 *
 * <p>While a resource in force waits for its plugin (at start-up, or while a plugin bundle is
 * being updated), the pass only adds: nothing is removed from the kernel and FRR is left as it
 * is, so a restart or a plugin update never flaps the data plane.
 *
 * <p>Besides the kernel, a pass compares zebra's addresses of the router namespace's devices with
 * the kernel's and re-adds those zebra lost (see {@link ZebraAddressWatch}).
 */
final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration FRR_TIMEOUT = Duration.ofMinutes(2);

    private final Snapshot snapshot;
    private final int nodeIndex;
    private final NetlinkKernel kernel;
    private final FrrInstance frr;
    private final NicHandover handover;
    private final Function<ResourceType, Optional<Reconciler>> reconcilers;
    private final Map<ResourceType, String> awaitedPlugins;
    private final StatusBoard board;
    private final ZebraAddressWatch zebraWatch;

    private final List<String> changes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    Reconciliation(Snapshot snapshot, int nodeIndex, NetlinkKernel kernel, FrrInstance frr, NicHandover handover,
            Function<ResourceType, Optional<Reconciler>> reconcilers, Map<ResourceType, String> awaitedPlugins,
            StatusBoard board, ZebraAddressWatch zebraWatch) {
        this.snapshot = snapshot;
        this.nodeIndex = nodeIndex;
        this.kernel = kernel;
        this.frr = frr;
        this.handover = handover;
        this.reconcilers = reconcilers;
        this.awaitedPlugins = awaitedPlugins;
        this.board = board;
        this.zebraWatch = zebraWatch;
    }

    ReconcileReport run() {
        Instant start = Instant.now();
        Map<ResourceKey, Resource> inForce = snapshot.inForce();
        boolean additiveOnly = inForce.keySet().stream().anyMatch(k -> awaitedPlugins.containsKey(k.type()));

        DesiredState desired = new DesiredStateBuilder(nodeIndex, kernel.routerNamespace(),
                snapshot.node().settings().logLevel(), reconcilers, new VrfTables(kernel.ownedVrfTables())).build(List.copyOf(inForce.values()));

        Optional<String> nicProblem = handOverNic(desired);
        Map<Netns, KernelView> views = views(desired);
        KernelPlan plan = KernelDiff.plan(desired.kernel(), views);
        applyKernel(plan, additiveOnly);
        if (!additiveOnly) {
            repairAddressesZebraLost(desired, views.get(Netns.ROUTER));
        }
        String frrOutcome = additiveOnly ? "not applied: waiting for plugins " + awaitedTypes() : applyFrr(desired);

        Duration took = Duration.between(start, Instant.now());
        writeStatuses(desired, plan, nicProblem, additiveOnly, frrOutcome);
        return new ReconcileReport(Instant.now(), took, changes, failures, frrOutcome);
    }

    private Optional<String> handOverNic(DesiredState desired) {
        Optional<String> nic = snapshot.underlay()
                .filter(u -> desired.contributed().contains(new ResourceKey(ResourceType.UNDERLAY, u.name())))
                .flatMap(Underlay::nic);
        try {
            return handover.reconcile(kernel, nic, changes);
        } catch (RuntimeException e) {
            return Optional.of("moving NIC " + nic.orElse("") + " failed: " + e.getMessage());
        }
    }

    private Map<Netns, KernelView> views(DesiredState desired) {
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            List<String> sysctls = desired.kernel().stream()
                    .filter(o -> o instanceof Sysctl s && s.netns() == ns)
                    .map(o -> ((Sysctl) o).name()).toList();
            views.put(ns, kernel.read(ns, sysctls));
        }
        return views;
    }

    private void applyKernel(KernelPlan plan, boolean additiveOnly) {
        for (KernelChange change : plan.changes()) {
            if (additiveOnly && removes(change)) {
                continue;
            }
            try {
                kernel.apply(change);
                changes.add(change.describe());
                LOG.info("{}", change.describe());
            } catch (RuntimeException e) {
                failures.put(change.objectKey(), change.describe() + ": " + e.getMessage());
                LOG.warn("{} failed: {}", change.describe(), e.getMessage());
            }
        }
    }

    private void repairAddressesZebraLost(DesiredState desired, KernelView router) {
        List<Address> declared = desired.kernel().stream()
                .filter(o -> o instanceof Address a && a.netns() == Netns.ROUTER).map(o -> (Address) o).toList();
        List<ZebraInterface> zebra;
        try {
            zebra = frr.interfaces();
        } catch (RuntimeException e) {
            LOG.debug("zebra's interfaces not observable: {}", e.getMessage());
            return;
        }
        for (Address lost : zebraWatch.due(declared, router, zebra, Instant.now())) {
            String repair = "re-add address " + lost.cidr() + " to " + lost.device() + " in " + lost.netns()
                    + ": the kernel has it, zebra lost it";
            try {
                kernel.apply(new KernelChange.DeleteAddress(lost, lost.key()));
                kernel.apply(new KernelChange.AddAddress(lost));
                changes.add(repair);
                LOG.warn("{}", repair);
            } catch (RuntimeException e) {
                failures.put(lost.key(), repair + ": failed: " + e.getMessage());
                LOG.warn("{} failed: {}", repair, e.getMessage());
            }
        }
    }

    private String applyFrr(DesiredState desired) {
        try {
            ApplyResult result = frr.apply(desired.frr()).get(FRR_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (result.outcome() == ApplyResult.Outcome.APPLIED) {
                changes.add("apply FRR configuration (" + result.duration().toMillis() + " ms)");
            }
            if (!result.ok() && result.outcome() != ApplyResult.Outcome.SUPERSEDED) {
                failures.put("frr", "FRR configuration not applied: " + result.message());
            }
            return result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (result.message().isEmpty() ? "" : ": " + result.message());
        } catch (TimeoutException e) {
            String message = "FRR did not finish applying the configuration within " + FRR_TIMEOUT.toSeconds() + " s";
            failures.put("frr", message);
            return "failed: " + message;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String message = Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
            failures.put("frr", "applying the FRR configuration failed: " + message);
            return "failed: " + message;
        }
    }

    private void writeStatuses(DesiredState desired, KernelPlan plan, Optional<String> nicProblem, boolean additiveOnly,
            String frrOutcome) {
        Map<ResourceKey, List<String>> problems = new HashMap<>();
        Map<String, String> objectProblems = new HashMap<>(plan.conflicts());
        objectProblems.putAll(failures);
        objectProblems.forEach((object, problem) -> desired.owners().getOrDefault(object, Set.of())
                .forEach(owner -> problems.computeIfAbsent(owner, k -> new ArrayList<>()).add(problem)));
        nicProblem.ifPresent(p -> snapshot.underlay().ifPresent(u -> problems
                .computeIfAbsent(new ResourceKey(ResourceType.UNDERLAY, u.name()), k -> new ArrayList<>()).add(p)));
        Optional.ofNullable(failures.get("frr")).ifPresent(p -> desired.contributed()
                .forEach(owner -> problems.computeIfAbsent(owner, k -> new ArrayList<>()).add(p)));

        for (ResourceEntry entry : snapshot.entries()) {
            if (!entry.isValid() || entry.inForce().isEmpty()) {
                continue;
            }
            ResourceKey key = entry.key();
            ResourceStatus status;
            if (awaitedPlugins.containsKey(key.type())) {
                status = ResourceStatus.pending(awaitedPlugins.get(key.type()));
            } else if (desired.unsupported().containsKey(key)) {
                status = ResourceStatus.unsupported(desired.unsupported().get(key));
            } else if (desired.failed().containsKey(key)) {
                status = ResourceStatus.failed(desired.failed().get(key));
            } else if (problems.containsKey(key)) {
                status = ResourceStatus.failed(problems.get(key).stream().distinct().collect(Collectors.joining("; ")));
            } else if (additiveOnly) {
                status = ResourceStatus.pending("nothing is removed while plugins are awaited: " + awaitedTypes());
            } else {
                status = ResourceStatus.applied();
            }
            if (board.status(key).map(s -> !s.sameAs(status)).orElse(true)) {
                board.set(key, status);
            }
        }
    }

    private String awaitedTypes() {
        return awaitedPlugins.keySet().stream().map(ResourceType::id).collect(Collectors.joining(", "));
    }

    private static boolean removes(KernelChange change) {
        return change instanceof KernelChange.DeleteLink || change instanceof KernelChange.DeleteAddress
                || change instanceof KernelChange.DeleteRoute;
    }
}
