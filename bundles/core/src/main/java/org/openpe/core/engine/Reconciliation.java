package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.config.Snapshot;
import org.openpe.core.engine.kernel.Kernel;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelDiff;
import org.openpe.core.engine.kernel.KernelPlan;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.core.engine.kernel.ZebraAddressWatch;
import org.openpe.core.status.PassOutcome;
import org.openpe.core.status.ResourceStatuses;
import org.openpe.core.status.StatusBoard;
import org.openpe.core.validation.Verdict;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.ZebraInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass: desired state from the snapshot, kernel diff and apply, FRR apply, status.
 *
 * <p>Each resource realises its candidate (the configured generation, when valid) or else its
 * version in force. A candidate that cannot be built, or whose part FRR refuses (see
 * {@link FrrAttribution}), is rejected and its version in force realised instead, so a bad change
 * never removes what works; it is held back until it changes or its back-off has passed.
 *
 * <p>While a plugin is away (its bundle stopped, being updated or refreshed), its resources
 * contribute what they did last ({@link RememberedContributions}), so the pass stays complete.
 * Only when such a resource has no remembered contribution (at start-up, before its plugin
 * started) does the pass only add: nothing is removed from the kernel and FRR is left as it is,
 * so a restart or a plugin update never flaps the data plane.
 *
 * <p>Every kernel change goes through one loop ({@link #applyKernel}): the NIC handover's moves
 * ({@link NicHandover}), the diff of desired against actual, and the re-adding of addresses zebra
 * lost ({@link ZebraAddressWatch}), which compares zebra's addresses of the router namespace's
 * devices with the kernel's.
 */
final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration FRR_TIMEOUT = Duration.ofMinutes(2);
    /** Added to {@link #FRR_TIMEOUT} per VRF instance: applying thousands from nothing takes minutes. */
    private static final Duration FRR_TIMEOUT_PER_VRF = Duration.ofMillis(250);

    private final Snapshot snapshot;
    private final int nodeIndex;
    private final Kernel kernel;
    /** FRR when it can be used; otherwise throws {@link FrrUnavailable} with the reason. */
    private final Supplier<FrrInstance> frr;
    private final NicHandover handover;
    private final Function<ResourceType, Optional<Reconciler>> reconcilers;
    private final Map<ResourceType, String> awaitedPlugins;
    private final StatusBoard board;
    private final ZebraAddressWatch zebraWatch;
    private final CandidateRejections rejections;
    private final FrrRefusal frrRefusal;
    private final RememberedContributions remembered;
    private final PassTally tally;
    private final Instant now = Instant.now();

    private final List<String> changes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    Reconciliation(Snapshot snapshot, int nodeIndex, Kernel kernel, Supplier<FrrInstance> frr, NicHandover handover,
            Function<ResourceType, Optional<Reconciler>> reconcilers, Map<ResourceType, String> awaitedPlugins,
            StatusBoard board, ZebraAddressWatch zebraWatch, CandidateRejections rejections, FrrRefusal frrRefusal,
            RememberedContributions remembered, PassTally tally) {
        this.snapshot = snapshot;
        this.nodeIndex = nodeIndex;
        this.kernel = kernel;
        this.frr = frr;
        this.handover = handover;
        this.reconcilers = type -> reconcilers.apply(type).map(remembered::recording)
                .or(() -> awaitedPlugins.containsKey(type) ? Optional.of(remembered.replaying()) : Optional.empty());
        this.remembered = remembered;
        this.awaitedPlugins = awaitedPlugins;
        this.board = board;
        this.zebraWatch = zebraWatch;
        this.rejections = rejections;
        this.frrRefusal = frrRefusal;
        this.tally = tally;
    }

    ReconcileReport run() {
        Instant start = Instant.now();
        keepRouterNamespaceNamed();
        Map<ResourceKey, Choice> choices = Choices.of(snapshot, rejections, now);
        boolean additiveOnly = choices.values().stream().anyMatch(c -> awaitedPlugins.containsKey(c.resource().type())
                && !remembered.remembers(c.resource()));
        tally.step("choices");
        Map<Netns, KernelView> observed = readKernel();
        tally.step("read");
        VrfTables tables = new VrfTables(observed.get(Netns.ROUTER).ownedVrfTables());
        DesiredState desired = buildFallingBack(choices, tables);
        tally.step("build");

        int changesBeforeHandover = changes.size();
        Optional<String> nicProblem = handOverNic(choices, desired);
        if (changes.size() != changesBeforeHandover) {
            observed = readKernel(); // a NIC moved between the namespaces
        }
        Map<Netns, KernelView> views = withSysctls(observed, desired);
        KernelPlan plan = KernelDiff.plan(desired.kernel(), views);
        tally.step("diff");
        List<KernelChange> repairs = additiveOnly ? List.of() : addressesZebraLost(desired, views.get(Netns.ROUTER));
        tally.step("zebra");
        applyKernel(plan.followedBy(repairs).changes(), additiveOnly);
        tally.step("kernel");
        String frrOutcome = "not applied: waiting for plugins " + awaitedTypes();
        if (!additiveOnly) {
            Optional<FrrAttribution.Outcome> outcome = applyFrr(choices, desired, tables);
            frrOutcome = outcome.map(o -> describe(o.result())).orElseGet(() -> "failed: " + failures.get("frr"));
            if (outcome.isPresent() && !outcome.get().refused().isEmpty()) {
                rejectRefused(choices, outcome.get().refused());
                // realise the versions in force of the refused candidates in the kernel too
                choices = outcome.get().choices();
                desired = build(choices, tables);
                plan = KernelDiff.plan(desired.kernel(), withSysctls(readKernel(), desired));
                applyKernel(plan.changes(), false);
            }
        }
        tally.step("frr");

        Duration took = Duration.between(start, Instant.now());
        Map<ResourceKey, Long> applied = writeStatuses(choices, desired, plan, nicProblem, additiveOnly);
        tally.step("status");
        return new ReconcileReport(Instant.now(), took, changes, failures, frrOutcome, applied);
    }

    /** Applies the FRR configuration of the choices, finding the candidates FRR refuses; empty when FRR cannot be asked. */
    private Optional<FrrAttribution.Outcome> applyFrr(Map<ResourceKey, Choice> choices, DesiredState desired,
            VrfTables tables) {
        Function<Map<ResourceKey, Choice>, FrrConfig> render = c -> c == choices ? desired.frr() : build(c, tables).frr();
        try {
            FrrAttribution.Outcome outcome = new FrrAttribution(render, this::applyOnce).apply(choices);
            if (outcome.result().outcome() == ApplyResult.Outcome.FAILED) {
                failures.put("frr", "FRR configuration not applied: " + outcome.result().message());
            }
            return Optional.of(outcome);
        } catch (FrrUnavailable e) {
            failures.put("frr", e.getMessage());
            tally.frrUnavailable++;
            return Optional.empty();
        }
    }

    private void rejectRefused(Map<ResourceKey, Choice> tried, Map<ResourceKey, String> refused) {
        refused.forEach((key, message) -> {
            long generation = tried.get(key).entry().generation();
            rejections.reject(key, generation, "FRR refused it: " + message, now);
            LOG.warn("{}: generation {} rejected, FRR refused it: {}", key, generation, message);
        });
    }

    /** Builds the desired state; a candidate that cannot be built is rejected and its version in force built instead. */
    private DesiredState buildFallingBack(Map<ResourceKey, Choice> choices, VrfTables tables) {
        while (true) {
            DesiredState desired = build(choices, tables);
            List<ResourceKey> unbuildable = desired.failed().keySet().stream()
                    .filter(k -> choices.containsKey(k) && choices.get(k).candidate())
                    .filter(k -> !awaitedPlugins.containsKey(k.type())) // never rejected because its plugin is away
                    .toList();
            if (unbuildable.isEmpty()) {
                return desired;
            }
            for (ResourceKey key : unbuildable) {
                Choice choice = choices.get(key);
                rejections.reject(key, choice.entry().generation(), desired.failed().get(key), now);
                LOG.warn("{}: generation {} rejected: {}", key, choice.entry().generation(), desired.failed().get(key));
                choice.fallback().ifPresentOrElse(f -> choices.put(key, f), () -> choices.remove(key));
            }
        }
    }

    private DesiredState build(Map<ResourceKey, Choice> choices, VrfTables tables) {
        return new DesiredStateBuilder(nodeIndex, kernel.routerNamespace(), snapshot.node().settings().logLevel(),
                reconcilers, tables).withNicMtu(kernel::mtu).build(choices.values().stream().map(Choice::resource).toList());
    }

    private void keepRouterNamespaceNamed() {
        try {
            kernel.keepRouterNamespaceNamed().ifPresent(change -> {
                LOG.warn("{}", change);
                changes.add(change);
            });
        } catch (RuntimeException e) {
            failures.put("router namespace", "the router namespace " + kernel.routerNamespace()
                    + " lost its name and cannot get it back: " + e.getMessage());
        }
    }

    private Optional<String> handOverNic(Map<ResourceKey, Choice> choices, DesiredState desired) {
        List<String> nics = choices.values().stream().map(Choice::resource)
                .filter(Underlay.class::isInstance).map(Underlay.class::cast)
                .filter(u -> desired.contributed().contains(new ResourceKey(ResourceType.UNDERLAY, u.name())))
                .findFirst().map(Underlay::nics).orElse(List.of());
        NicHandover.Moves moves;
        try {
            moves = handover.plan(kernel, nics);
        } catch (RuntimeException e) {
            return Optional.of("moving NIC(s) " + String.join(", ", nics) + " failed: " + e.getMessage());
        }
        changes.addAll(moves.adoptions());
        NicHandover.Outcome outcome = handover.settle(moves, applyKernel(moves.changes(), false));
        if (!outcome.otherProblems().isEmpty()) {
            failures.put("nic handover", String.join("; ", outcome.otherProblems()));
        }
        return outcome.wantedProblem();
    }

    private Map<Netns, KernelView> readKernel() {
        return readKernel(kernel);
    }

    /** Both namespaces, each read once (devices, addresses, routes; no sysctls). */
    static Map<Netns, KernelView> readKernel(Kernel kernel) {
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            views.put(ns, kernel.read(ns, List.of()));
        }
        return views;
    }

    private Map<Netns, KernelView> withSysctls(Map<Netns, KernelView> observed, DesiredState desired) {
        return withSysctls(kernel, observed, desired);
    }

    /** The views with the values of the sysctls the desired state sets. */
    static Map<Netns, KernelView> withSysctls(Kernel kernel, Map<Netns, KernelView> observed,
            DesiredState desired) {
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        observed.forEach((ns, view) -> {
            List<String> sysctls = desired.kernel().stream()
                    .filter(o -> o instanceof Sysctl s && s.netns() == ns)
                    .map(o -> ((Sysctl) o).name()).toList();
            views.put(ns, view.withSysctls(kernel.sysctls(ns, sysctls)));
        });
        return views;
    }

    /**
     * The one place a pass changes the kernel: applies each change in turn (a failure stops only
     * that change), logs and counts it, and files a failure under the object it serves, for status.
     *
     * @param additiveOnly whether changes that take something away are left out
     * @return the changes that failed, each with why
     */
    private Map<KernelChange, String> applyKernel(List<KernelChange> plan, boolean additiveOnly) {
        Map<KernelChange, String> failed = new HashMap<>();
        for (KernelChange change : plan) {
            if (additiveOnly && change.removes()) {
                continue;
            }
            boolean repair = change instanceof KernelChange.ReAddAddress;
            try {
                kernel.apply(change);
                changes.add(change.describe());
                if (repair) {
                    tally.zebraAddressRepairs++;
                    LOG.warn("{}", change.describe());
                } else {
                    tally.kernelChanges++;
                    LOG.info("{}", change.describe());
                }
            } catch (RuntimeException e) {
                tally.netlinkErrors++;
                failed.put(change, e.getMessage());
                failures.putIfAbsent(change.objectKey(), change.describe() + ": " + e.getMessage());
                LOG.warn("{} failed: {}", change.describe(), e.getMessage());
            }
        }
        return failed;
    }

    /** The declared router-namespace addresses zebra lost that are due for re-adding (see {@link ZebraAddressWatch}). */
    private List<KernelChange> addressesZebraLost(DesiredState desired, KernelView router) {
        List<Address> declared = desired.kernel().stream()
                .filter(o -> o instanceof Address a && a.netns() == Netns.ROUTER).map(o -> (Address) o).toList();
        List<Address> unconfirmed = zebraWatch.unconfirmed(declared, router);
        if (unconfirmed.isEmpty()) {
            return List.of();
        }
        List<ZebraInterface> zebra;
        try {
            zebra = frr.get().interfaces(ZebraAddressWatch.vrfsOf(unconfirmed, router));
        } catch (RuntimeException e) {
            LOG.debug("zebra's interfaces not observable: {}", e.getMessage());
            return List.of();
        }
        return List.copyOf(zebraWatch.due(unconfirmed, router, zebra, Instant.now()));
    }

    /**
     * Applies one FRR configuration and waits for the result. A configuration FRR refused is not
     * applied again until its back-off has passed: the refusal is returned instead.
     *
     * @throws FrrUnavailable when FRR does not answer in time or the apply fails as such
     */
    private ApplyResult applyOnce(FrrConfig config) {
        Optional<ApplyResult> heldBack = frrRefusal.holdsBack(config, now);
        if (heldBack.isPresent()) {
            return heldBack.get();
        }
        ApplyResult result;
        Duration timeout = FRR_TIMEOUT.plus(FRR_TIMEOUT_PER_VRF.multipliedBy(config.vrfRouters().size()));
        try {
            result = frr.get().apply(config).get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new FrrUnavailable("FRR did not finish applying the configuration within " + timeout.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrrUnavailable("interrupted while FRR applied the configuration");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new FrrUnavailable("applying the FRR configuration failed: "
                    + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()));
        }
        tally.frrApplied(result);
        if (result.outcome() == ApplyResult.Outcome.APPLIED) {
            String change = "apply FRR configuration (" + result.duration().toMillis() + " ms)";
            changes.add(change);
            LOG.info("{}", change);
        }
        if (result.outcome() == ApplyResult.Outcome.FAILED) {
            frrRefusal.refused(config, result, now);
        } else if (result.ok()) {
            frrRefusal.clear();
        }
        return result;
    }

    /** FRR could not be asked: no resource is to blame. */
    static final class FrrUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FrrUnavailable(String message) {
            super(message);
        }
    }

    private static String describe(ApplyResult result) {
        return result.outcome().name().toLowerCase(Locale.ROOT) + (result.message().isEmpty() ? "" : ": " + result.message());
    }

    /** Writes every configured resource's status; returns the candidates applied (resource to generation). */
    private Map<ResourceKey, Long> writeStatuses(Map<ResourceKey, Choice> choices, DesiredState desired, KernelPlan plan,
            Optional<String> nicProblem, boolean additiveOnly) {
        Map<ResourceKey, List<String>> problems = new HashMap<>();
        Map<String, String> objectProblems = new HashMap<>(plan.conflicts());
        objectProblems.putAll(failures);
        objectProblems.forEach((object, problem) -> desired.owners().getOrDefault(object, Set.of())
                .forEach(owner -> problems.computeIfAbsent(owner, k -> new ArrayList<>()).add(problem)));
        nicProblem.ifPresent(p -> snapshot.underlay().ifPresent(u -> problems
                .computeIfAbsent(new ResourceKey(ResourceType.UNDERLAY, u.name()), k -> new ArrayList<>()).add(p)));
        Optional.ofNullable(failures.get("frr")).ifPresent(p -> desired.contributed()
                .forEach(owner -> problems.computeIfAbsent(owner, k -> new ArrayList<>()).add(p)));

        Map<ResourceKey, Long> applied = new LinkedHashMap<>();
        for (ResourceEntry entry : snapshot.entries()) {
            if (!Choices.owns(snapshot, entry)) {
                continue;
            }
            ResourceKey key = entry.key();
            PassOutcome outcome = outcome(key, choices.get(key), desired, problems, additiveOnly);
            if (outcome instanceof PassOutcome.Realised r && r.candidate() && entry.isValid()) {
                applied.put(key, entry.generation());
                rejections.accepted(key);
            }
            board.set(key, ResourceStatuses.derive(entry, outcome, rejections.reason(key, entry.generation())));
        }
        Set<ResourceKey> configured = snapshot.entries().stream().map(ResourceEntry::key).collect(Collectors.toSet());
        rejections.retain(configured);
        remembered.retain(configured);
        board.all().keySet().stream().filter(k -> snapshot.entry(k).isEmpty()).forEach(board::remove);
        return applied;
    }

    /** What this pass made of one resource; {@code choice} is what it chose to realise, if anything. */
    private PassOutcome outcome(ResourceKey key, Choice choice, DesiredState desired,
            Map<ResourceKey, List<String>> problems, boolean additiveOnly) {
        if (choice == null) {
            return new PassOutcome.NotRealised();
        } else if (awaitedPlugins.containsKey(key.type())) {
            return new PassOutcome.PluginAwaited(awaitedPlugins.get(key.type()));
        } else if (desired.unsupported().containsKey(key)) {
            return new PassOutcome.Unsupported(desired.unsupported().get(key));
        } else if (desired.failed().containsKey(key)) {
            return new PassOutcome.Failed(desired.failed().get(key));
        } else if (problems.containsKey(key)) {
            return new PassOutcome.Failed(problems.get(key).stream().distinct().collect(Collectors.joining("; ")));
        } else if (additiveOnly) {
            return new PassOutcome.OnlyAdded("nothing is removed while plugins are awaited: " + awaitedTypes());
        }
        return new PassOutcome.Realised(choice.candidate());
    }

    private String awaitedTypes() {
        return awaitedPlugins.keySet().stream().map(ResourceType::id).collect(Collectors.joining(", "));
    }
}
