package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;

class InstanceReplacementTest {

    private final ConfigRenderer renderer = new ConfigRenderer(Path.of("/var/log/frr/test.log"));

    @Test
    void readsTheAsOfEveryInstanceFromConfigurationText() {
        String running = renderer.render(Configs.evpnWithL3vni(64600, 64520));
        assertEquals(Map.of("", 64600L, "red", 64520L, "blue", 64600L), InstanceReplacement.instanceAsns(running));
    }

    @Test
    void noTeardownWhenNoInstanceChangesAs() {
        String running = renderer.render(Configs.evpnWithL3vni());
        assertEquals(Optional.empty(), InstanceReplacement.teardownBefore(Configs.evpnWithL3vni(), running));
        assertEquals(Optional.empty(), InstanceReplacement.teardownBefore(Configs.evpnWithL3vni(),
                renderer.render(Configs.underlayOnly())), "instances that are only added need no teardown");
    }

    @Test
    void vrfInstanceChangingAsIsRemovedWithItsVniFirst() {
        String running = renderer.render(Configs.evpnWithL3vni());
        FrrConfig target = Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520);

        FrrConfig teardown = InstanceReplacement.teardownBefore(target, running).orElseThrow();

        assertEquals(List.of(new VrfVni("blue", 200)), teardown.vrfVnis());
        assertEquals(List.of("blue"), teardown.vrfRouters().stream().map(r -> r.vrf().orElseThrow()).toList());
        assertEquals(target.defaultRouter(), teardown.defaultRouter());
        assertEquals("vrf red", InstanceReplacement.describe(teardown, target));
    }

    @Test
    void defaultInstanceChangingAsTakesEveryInstanceAndVniDownFirst() {
        String running = renderer.render(Configs.evpnWithL3vni());
        FrrConfig target = Configs.evpnWithL3vni(64600, 64514);

        FrrConfig teardown = InstanceReplacement.teardownBefore(target, running).orElseThrow();

        assertEquals(List.of(), teardown.vrfVnis());
        assertEquals(List.<BgpRouter>of(), teardown.routers());
        assertEquals(target.hostname(), teardown.hostname());
    }
}
