package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.model.Resource;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.core.engine.ChangePlan.Action;
import org.openpe.core.engine.ChangePlan.KernelStep;
import org.openpe.core.engine.ChangePlan.ResourcePlan;
import org.openpe.core.validation.ConfigValidator;
import org.openpe.core.validation.TestConfigs;
import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;

/** How a plan's changes are told per resource. */
class PlannerTest {

    private static final ResourceKey RED = new ResourceKey(L3VNI.TYPE, "red");
    private static final ResourceKey BLUE = new ResourceKey(L3VNI.TYPE, "blue");
    private static final ResourceKey GREEN = new ResourceKey(L3VNI.TYPE, "green");
    private static final ResourceKey PT = new ResourceKey(L3Passthrough.TYPE, "pt");

    @Test
    void eachResourceIsCreatedModifiedDeletedOrRepairedWithTheChangesOfItsObjects() {
        Resource red100 = l3vni(RED, 100, "192.169.10.0/24");
        Map<ResourceKey, Resource> before = Map.of(RED, red100, BLUE, l3vni(BLUE, 200, "192.169.11.0/24"),
                PT, passthrough());
        Map<ResourceKey, Resource> after = Map.of(RED, red100, GREEN, l3vni(GREEN, 300, "192.169.12.0/24"),
                PT, passthrough());
        List<KernelStep> kernel = List.of(
                new KernelStep("create vrf green in ROUTER", Set.of(GREEN)),
                new KernelStep("delete device br-pe-200 in ROUTER", Set.of(BLUE)),
                new KernelStep("set pt-host up in HOST", Set.of(PT)),
                new KernelStep("delete device stray in ROUTER", Set.of()));

        List<ResourcePlan> plans = Planner.resourcePlans(before, after, kernel, Map.of(GREEN, List.of("vrf green", " vni 300")));

        assertEquals(List.of(
                new ResourcePlan(GREEN, Action.CREATE, List.of("create vrf green in ROUTER"), List.of("vrf green", " vni 300")),
                new ResourcePlan(BLUE, Action.DELETE, List.of("delete device br-pe-200 in ROUTER"), List.of()),
                new ResourcePlan(PT, Action.REPAIR, List.of("set pt-host up in HOST"), List.of())),
                plans.stream().sorted((a, b) -> a.action().compareTo(b.action())).toList());
    }

    @Test
    void aModifiedResourceIsModifyEvenWithoutKernelChanges() {
        Map<ResourceKey, Resource> before = Map.of(RED, l3vni(RED, 100, "192.169.10.0/24"));
        Map<ResourceKey, Resource> after = Map.of(RED, l3vni(RED, 101, "192.169.10.0/24"));

        assertEquals(List.of(new ResourcePlan(RED, Action.MODIFY, List.of(), List.of())),
                Planner.resourcePlans(before, after, List.of(), Map.of()));
    }

    @Test
    void nothingChangedIsNoResourcePlan() {
        Map<ResourceKey, Resource> same = Map.of(RED, l3vni(RED, 100, "192.169.10.0/24"));

        assertEquals(List.of(), Planner.resourcePlans(same, same, List.of(), Map.of()));
    }

    private static Resource l3vni(ResourceKey key, int vni, String cidr) {
        return ConfigValidator.resource(key, TestConfigs.l3vni(vni, cidr), TestDefinitions.ALL).orElseThrow();
    }

    private static Resource passthrough() {
        return ConfigValidator.resource(PT, TestConfigs.passthrough(), TestDefinitions.ALL).orElseThrow();
    }
}
