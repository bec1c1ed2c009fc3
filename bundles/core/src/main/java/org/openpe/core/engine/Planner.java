package org.openpe.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.engine.ChangePlan.Action;
import org.openpe.core.engine.ChangePlan.KernelStep;
import org.openpe.core.engine.ChangePlan.ResourcePlan;
import org.openpe.core.engine.kernel.Kernel;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelDiff;
import org.openpe.core.engine.kernel.KernelPlan;
import org.openpe.core.engine.kernel.KernelView;
import org.openpe.api.kernel.Netns;
import org.openpe.frr.FrrInstance;

/**
 * Computes a {@link ChangePlan} with the steps of a pass (desired state, kernel diff, FRR delta)
 * and none of its effects: the kernel is only read, FRR only asked to compute its delta.
 *
 * <p>Attribution: a kernel change belongs to the resources that declare its object, before or
 * after. FRR commands belong to a resource when its change alone accounts for them: the delta from
 * the planned configuration with that resource as it was to the planned configuration.
 */
final class Planner {

    private final int nodeIndex;
    private final String logLevel;
    private final Kernel kernel;
    private final Optional<FrrInstance> frr;
    private final NicHandover handover;
    private final Function<ResourceType, Optional<Reconciler>> reconcilers;

    Planner(int nodeIndex, String logLevel, Kernel kernel, Optional<FrrInstance> frr, NicHandover handover,
            Function<ResourceType, Optional<Reconciler>> reconcilers) {
        this.nodeIndex = nodeIndex;
        this.logLevel = logLevel;
        this.kernel = kernel;
        this.frr = frr;
        this.handover = handover;
        this.reconcilers = reconcilers;
    }

    /**
     * @param before each resource as it is now
     * @param after each resource as the plan would have it
     * @param notes what qualifies the plan, known to the caller
     */
    ChangePlan plan(Map<ResourceKey, Resource> before, Map<ResourceKey, Resource> after, List<String> notes) {
        Map<Netns, KernelView> observed = Reconciliation.readKernel(kernel);
        VrfTables tables = new VrfTables(observed.get(Netns.ROUTER).ownedVrfTables());
        DesiredState planned = build(after, tables);
        DesiredState current = build(before, tables);
        KernelPlan kernelPlan = KernelDiff.plan(planned.kernel(), Reconciliation.withSysctls(kernel, observed, planned));

        List<KernelStep> kernelSteps = new ArrayList<>();
        for (KernelChange change : kernelPlan.changes()) {
            Set<ResourceKey> owners = new LinkedHashSet<>(current.owners().getOrDefault(change.objectKey(), Set.of()));
            owners.addAll(planned.owners().getOrDefault(change.objectKey(), Set.of()));
            kernelSteps.add(new KernelStep(change.describe(), owners));
        }
        Map<String, String> problems = new LinkedHashMap<>(kernelPlan.conflicts());
        planned.failed().forEach((key, reason) -> problems.put(key.toString(), reason));
        planned.unsupported().forEach((key, reason) -> problems.put(key.toString(), reason));

        List<String> allNotes = new ArrayList<>(notes);
        List<String> frrCommands = List.of();
        Map<ResourceKey, List<String>> frrByResource = new LinkedHashMap<>();
        if (frr.isPresent()) {
            FrrInstance instance = frr.get();
            FrrConfig inForce = instance.appliedConfig().orElseGet(() -> {
                allNotes.add("FRR's configuration is not known yet (nothing applied since the start): the FRR commands are"
                        + " the whole configuration; an apply first compares it with FRR's running configuration");
                return FrrConfig.empty(kernel.routerNamespace(), logLevel);
            });
            frrCommands = instance.delta(inForce, planned.frr());
            for (ResourceKey key : changed(before, after)) {
                Map<ResourceKey, Resource> asBefore = new LinkedHashMap<>(after);
                Optional.ofNullable(before.get(key)).ifPresentOrElse(r -> asBefore.put(key, r), () -> asBefore.remove(key));
                frrByResource.put(key, instance.delta(build(asBefore, tables).frr(), planned.frr()));
            }
        } else {
            allNotes.add("FRR is not open: its commands are not planned");
        }

        Optional<String> nic = after.values().stream().filter(Underlay.class::isInstance).map(Underlay.class::cast)
                .filter(u -> planned.contributed().contains(new ResourceKey(ResourceType.UNDERLAY, u.name())))
                .findFirst().flatMap(Underlay::nic);
        return new ChangePlan(kernelSteps, handover.planned(kernel, nic), frrCommands,
                resourcePlans(before, after, kernelSteps, frrByResource), problems, allNotes);
    }

    static List<ResourcePlan> resourcePlans(Map<ResourceKey, Resource> before, Map<ResourceKey, Resource> after,
            List<KernelStep> kernelSteps, Map<ResourceKey, List<String>> frrByResource) {
        Set<ResourceKey> keys = new LinkedHashSet<>(changed(before, after));
        kernelSteps.forEach(s -> keys.addAll(s.owners()));
        List<ResourcePlan> plans = new ArrayList<>();
        for (ResourceKey key : keys) {
            Action action = !before.containsKey(key) ? Action.CREATE : !after.containsKey(key) ? Action.DELETE
                    : Objects.equals(before.get(key), after.get(key)) ? Action.REPAIR : Action.MODIFY;
            List<String> kernelChanges = kernelSteps.stream().filter(s -> s.owners().contains(key)).map(KernelStep::change)
                    .toList();
            plans.add(new ResourcePlan(key, action, kernelChanges, frrByResource.getOrDefault(key, List.of())));
        }
        return plans;
    }

    private static Set<ResourceKey> changed(Map<ResourceKey, Resource> before, Map<ResourceKey, Resource> after) {
        Set<ResourceKey> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        return keys;
    }

    private DesiredState build(Map<ResourceKey, Resource> resources, VrfTables tables) {
        return new DesiredStateBuilder(nodeIndex, kernel.routerNamespace(), logLevel, reconcilers, tables)
                .build(List.copyOf(resources.values()));
    }
}
