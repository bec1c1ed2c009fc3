package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.ResourceType;

class AwaitedPluginsTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-11-29T00:00:00Z");
    private static final Set<ResourceType> ALL_PLUGINS =
            Set.of(ResourceType.L3VNI, ResourceType.L2VNI, ResourceType.L3PASSTHROUGH);

    @Test
    void registeredPluginsAndTheUnderlayAreNeverAwaited() {
        Map<ResourceType, String> awaited = AwaitedPlugins.of(ALL_PLUGINS, Map.of(), Map.of(), START, GRACE, START);

        assertEquals(Map.of(), awaited);
    }

    @Test
    void rightAfterStartEveryMissingPluginIsAwaitedForTheGracePeriodOnly() {
        Map<ResourceType, String> early = AwaitedPlugins.of(Set.of(), Map.of(), Map.of(), START, GRACE,
                START.plusSeconds(9));
        Map<ResourceType, String> late = AwaitedPlugins.of(Set.of(), Map.of(), Map.of(), START, GRACE,
                START.plusSeconds(10));

        assertEquals(ALL_PLUGINS, early.keySet());
        assertEquals("waiting up to 10 s for the l3vni plugin", early.get(ResourceType.L3VNI));
        assertEquals(Map.of(), late);
    }

    @Test
    void aPluginWhoseBundleIsInstalledIsAwaitedHoweverLongItIsAway() {
        Map<ResourceType, String> awaited = AwaitedPlugins.of(Set.of(ResourceType.L2VNI, ResourceType.L3PASSTHROUGH),
                Map.of(ResourceType.L3VNI, "org.openpe.l3vni [57] Resolved"),
                Map.of(ResourceType.L3VNI, START.plusSeconds(60)), START, GRACE, START.plusSeconds(3600));

        assertEquals(Set.of(ResourceType.L3VNI), awaited.keySet());
        assertTrue(awaited.get(ResourceType.L3VNI).contains("bundle org.openpe.l3vni [57] Resolved"),
                awaited.get(ResourceType.L3VNI));
    }

    @Test
    void aPluginThatWentAwayWithoutAnInstalledBundleIsAwaitedForTheGracePeriodFromItsDeparture() {
        Map<ResourceType, Instant> gone = Map.of(ResourceType.L3PASSTHROUGH, START.plusSeconds(100));
        Set<ResourceType> others = Set.of(ResourceType.L3VNI, ResourceType.L2VNI);

        assertEquals(Set.of(ResourceType.L3PASSTHROUGH),
                AwaitedPlugins.of(others, Map.of(), gone, START, GRACE, START.plusSeconds(105)).keySet());
        assertEquals(Map.of(), AwaitedPlugins.of(others, Map.of(), gone, START, GRACE, START.plusSeconds(111)));
    }
}
