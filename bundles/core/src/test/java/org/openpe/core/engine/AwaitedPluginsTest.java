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
    private static final ResourceType L3VNI = new ResourceType("l3vni", "L3VNI");
    private static final ResourceType L2VNI = new ResourceType("l2vni", "L2VNI");
    private static final ResourceType PASSTHROUGH = new ResourceType("l3passthrough", "L3Passthrough");
    /** The types configured, declared by installed bundles or gone: the ones considered. */
    private static final Set<ResourceType> TYPES = Set.of(ResourceType.UNDERLAY, L3VNI, L2VNI, PASSTHROUGH);
    private static final Set<ResourceType> ALL_PLUGINS =
            Set.of(L3VNI, L2VNI, PASSTHROUGH);

    @Test
    void registeredPluginsAndTheUnderlayAreNeverAwaited() {
        Map<ResourceType, String> awaited = AwaitedPlugins.of(TYPES, ALL_PLUGINS, Map.of(), Map.of(), START, GRACE, START);

        assertEquals(Map.of(), awaited);
    }

    @Test
    void rightAfterStartEveryMissingPluginIsAwaitedForTheGracePeriodOnly() {
        Map<ResourceType, String> early = AwaitedPlugins.of(TYPES, Set.of(), Map.of(), Map.of(), START, GRACE,
                START.plusSeconds(9));
        Map<ResourceType, String> late = AwaitedPlugins.of(TYPES, Set.of(), Map.of(), Map.of(), START, GRACE,
                START.plusSeconds(10));

        assertEquals(ALL_PLUGINS, early.keySet());
        assertEquals("waiting up to 10 s for the l3vni plugin", early.get(L3VNI));
        assertEquals(Map.of(), late);
    }

    @Test
    void aPluginWhoseBundleIsInstalledIsAwaitedHoweverLongItIsAway() {
        Map<ResourceType, String> awaited = AwaitedPlugins.of(TYPES, Set.of(L2VNI, PASSTHROUGH),
                Map.of(L3VNI, "org.openpe.l3vni [57] Resolved"),
                Map.of(L3VNI, START.plusSeconds(60)), START, GRACE, START.plusSeconds(3600));

        assertEquals(Set.of(L3VNI), awaited.keySet());
        assertTrue(awaited.get(L3VNI).contains("bundle org.openpe.l3vni [57] Resolved"),
                awaited.get(L3VNI));
    }

    @Test
    void aPluginThatWentAwayWithoutAnInstalledBundleIsAwaitedForTheGracePeriodFromItsDeparture() {
        Map<ResourceType, Instant> gone = Map.of(PASSTHROUGH, START.plusSeconds(100));
        Set<ResourceType> others = Set.of(L3VNI, L2VNI);

        assertEquals(Set.of(PASSTHROUGH),
                AwaitedPlugins.of(TYPES, others, Map.of(), gone, START, GRACE, START.plusSeconds(105)).keySet());
        assertEquals(Map.of(), AwaitedPlugins.of(TYPES, others, Map.of(), gone, START, GRACE, START.plusSeconds(111)));
    }

    @Test
    void onlyTheTypesConsideredAreAwaited() {
        Map<ResourceType, String> awaited = AwaitedPlugins.of(Set.of(ResourceType.UNDERLAY, L2VNI), Set.of(), Map.of(),
                Map.of(), START, GRACE, START);

        assertEquals(Set.of(L2VNI), awaited.keySet());
    }
}
