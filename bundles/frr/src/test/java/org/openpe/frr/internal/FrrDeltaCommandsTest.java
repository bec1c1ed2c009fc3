package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;
import org.openpe.frr.FrrException;

/** The commands of a delta, without FRR: what is sent, in which order, and to which daemons. */
class FrrDeltaCommandsTest {

    private final ConfigRenderer renderer = new ConfigRenderer(Path.of("/var/log/frr/test.log"));

    @Test
    void theSameConfigurationNeedsNoCommand() {
        assertTrue(FrrDelta.between(Configs.evpnWithL3vni(), Configs.evpnWithL3vni(), renderer).isEmpty());
    }

    @Test
    void theDisplayedDeltaMasksPasswordsAndIsOtherwiseTheBatch() {
        FrrConfig from = Configs.underlayOnly();
        FrrConfig to = Configs.underlayAllSessionOptions();

        List<String> shown = FrrDelta.forDisplay(from, to, renderer);

        assertTrue(shown.contains(" neighbor 192.168.11.2 password ****"), shown.toString());
        assertTrue(shown.stream().noneMatch(c -> c.contains("s3cret")), shown.toString());
        assertEquals(FrrDelta.between(from, to, renderer).commands().size(), shown.size());
    }

    @Test
    void aNewVrfSendsOnlyItsInstanceAndThenItsVni() {
        FrrConfig base = Configs.evpnWithL3vni();
        List<BgpRouter> routers = new ArrayList<>(base.vrfRouters());
        routers.add(BgpRouter.vrfInstance(64530, "green", Configs.ROUTER_ID, List.of(BgpNeighbor.of("192.169.30.2", 64515)),
                List.of()));
        List<VrfVni> vnis = new ArrayList<>(base.vrfVnis());
        vnis.add(new VrfVni("green", 300));

        FrrDelta.Batch batch = FrrDelta.between(base, new FrrConfig("pe1", "informational", vnis, List.of(),
                base.defaultRouter(), routers), renderer);

        assertEquals(List.of("router bgp 64530 vrf green", " no bgp ebgp-requires-policy", " no bgp network import-check",
                " no bgp default ipv4-unicast", " bgp router-id 10.0.0.1", " neighbor 192.169.30.2 remote-as 64515",
                " address-family ipv4 unicast", "  neighbor 192.169.30.2 activate", " exit-address-family",
                " address-family l2vpn evpn", "  advertise ipv4 unicast", "  advertise ipv6 unicast", " exit-address-family",
                "exit", "vrf green", " vni 300", "exit-vrf"), batch.commands());
        assertEquals(Set.of("router bgp 64530 vrf green", "vrf green"), batch.touched());
    }

    @Test
    void anAsChangeUnbindsTheVniRemovesTheInstanceAndRecreatesBoth() {
        List<String> commands = FrrDelta.between(Configs.evpnWithL3vni(), Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520),
                renderer).commands();

        assertEquals(List.of("vrf red", " no vni 100", "exit-vrf", "no router bgp 64514 vrf red", "router bgp 64520 vrf red"),
                commands.subList(0, 5));
        assertEquals(List.of("vrf red", " vni 100", "exit-vrf"), commands.subList(commands.size() - 3, commands.size()));
    }

    @Test
    void theDefaultInstanceChangingAsTakesEveryVrfInstanceDownFirst() {
        List<String> commands = FrrDelta.between(Configs.evpnWithL3vni(), Configs.evpnWithL3vni(64600, 64514), renderer)
                .commands();

        assertEquals(List.of("vrf blue", " no vni 200", "exit-vrf", "vrf red", " no vni 100", "exit-vrf",
                "no router bgp 64514 vrf blue", "no router bgp 64514 vrf red", "no router bgp 64514", "router bgp 64600"),
                commands.subList(0, 10));
    }

    @Test
    void aChangedSettingIsSetAgainNotNegatedAndARemovedNeighborGoesWhole() {
        FrrConfig from = Configs.config(List.of(), List.of(), BgpRouter.defaultInstance(64514, Configs.ROUTER_ID,
                List.of(Configs.tor("192.168.11.2").withTimers(3, 1), Configs.tor("192.168.12.2")), List.of(), false), List.of());
        FrrConfig to = Configs.config(List.of(), List.of(), BgpRouter.defaultInstance(64514, Configs.ROUTER_ID,
                List.of(Configs.tor("192.168.11.2").withTimers(9, 3)), List.of(), false), List.of());

        assertEquals(List.of("router bgp 64514", " no neighbor 192.168.12.2", " no bgp bestpath as-path multipath-relax",
                " neighbor 192.168.11.2 timers 3 9", "exit"),
                FrrDelta.between(from, to, renderer).commands());
    }

    @Test
    void everyTopLevelLineOfTheRendererHasItsDaemons() {
        for (String line : renderer.render(Configs.underlayAllSessionOptions()).lines()
                .filter(l -> !l.startsWith(" ") && !l.equals("!") && !l.startsWith("exit")).toList()) {
            assertTrue(!VtyBatch.owners(line).isEmpty(), line);
        }
        assertEquals(List.of("zebra", "bgpd"), VtyBatch.owners("no route-map allowall permit 1"));
        assertThrows(FrrException.class, () -> VtyBatch.owners("interface eth0"));
    }
}
