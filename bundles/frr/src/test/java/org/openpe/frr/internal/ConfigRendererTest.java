package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;

class ConfigRendererTest {

    private final ConfigRenderer renderer = new ConfigRenderer(Path.of("/var/log/frr/perouter/frr.log"));

    private static final String HEADER = """
            hostname pe1
            log file /var/log/frr/perouter/frr.log informational
            ip nht resolve-via-default
            ipv6 nht resolve-via-default
            !
            """;

    private static final String ROUTER_PREAMBLE = """
             no bgp ebgp-requires-policy
             no bgp network import-check
             no bgp default ipv4-unicast
             bgp router-id 10.0.0.1
            """;

    @Test
    void noUnderlayRendersHeaderOnly() {
        assertEquals(HEADER, renderer.render(Configs.noUnderlay()));
    }

    @Test
    void underlayNeighborIsActivatedWithAllowAsInInItsFamily() {
        assertEquals(HEADER + "router bgp 64514\n" + ROUTER_PREAMBLE + """
                 neighbor 192.168.11.2 remote-as 64512
                 !
                 address-family ipv4 unicast
                  neighbor 192.168.11.2 activate
                  neighbor 192.168.11.2 allowas-in
                 exit-address-family
                exit
                !
                """, renderer.render(Configs.underlayOnly()));
    }

    @Test
    void twoTorsInTheirOwnAsnsCountAsEqualPathsForEcmp() {
        BgpRouter underlay = Configs.underlayOnly().defaultRouter().orElseThrow();
        BgpRouter twoTors = underlay.withNeighborsAndNetworks(List.of(Configs.tor("192.168.11.2"),
                BgpNeighbor.of("192.168.12.2", 64513).withAllowAsIn(true)), List.of());
        String rendered = renderer.render(Configs.config(List.of(), List.of(), twoTors, List.of()));
        assertTrue(rendered.contains(ROUTER_PREAMBLE + ConfigRenderer.MULTIPATH_RELAX + "\n neighbor 192.168.11.2 remote-as"),
                rendered);
        assertFalse(rendered.contains("maximum-paths"), "FRR's default (zebra's maximum) stays: " + rendered);
        assertFalse(renderer.render(Configs.underlayOnly()).contains("multipath"), "one ToR, nothing to balance");
        BgpRouter hostSessions = BgpRouter.vrfInstance(64530, "red", Configs.ROUTER_ID, List.of(
                BgpNeighbor.of("192.169.10.2", 64515), BgpNeighbor.of("2001:db8:10::2", 64515)), List.of());
        assertFalse(renderer.render(Configs.config(List.of(), List.of(), underlay, List.of(hostSessions))).contains("multipath"),
                "VRF instances keep FRR's default");
    }

    @Test
    void sessionOptionsBfdProfilesAndPlainBfd() {
        assertEquals(HEADER + """
                bfd
                 profile neighbor-192.168.11.2
                  detect-multiplier 5
                  receive-interval 200
                  transmit-interval 250
                  passive-mode
                  echo-mode
                  echo receive-interval 60
                  minimum-ttl 250
                 exit
                 !
                exit
                !
                router bgp 64514
                """ + ROUTER_PREAMBLE + ConfigRenderer.MULTIPATH_RELAX + "\n" + """
                 neighbor 192.168.11.2 remote-as 64512
                 neighbor 192.168.11.2 port 1790
                 neighbor 192.168.11.2 timers 1 3
                 neighbor 192.168.11.2 timers connect 1
                 neighbor 192.168.11.2 ebgp-multihop 255
                 neighbor 192.168.11.2 password s3cret
                 neighbor 192.168.11.2 bfd
                 neighbor 192.168.11.2 bfd profile neighbor-192.168.11.2
                 neighbor 2001:db8::2 remote-as 64512
                 neighbor 2001:db8::2 bfd
                 !
                 address-family ipv4 unicast
                  neighbor 192.168.11.2 activate
                  neighbor 192.168.11.2 allowas-in
                 exit-address-family
                 !
                 address-family ipv6 unicast
                  neighbor 2001:db8::2 activate
                  neighbor 2001:db8::2 allowas-in
                 exit-address-family
                exit
                !
                """, renderer.render(Configs.underlayAllSessionOptions()));
    }

    @Test
    void evpnAnnouncesVtepAndVrfInstancesAdvertiseUnicast() {
        assertEquals(HEADER + """
                vrf blue
                 vni 200
                exit-vrf
                !
                vrf red
                 vni 100
                exit-vrf
                !
                route-map allowall permit 1
                exit
                !
                router bgp 64514
                """ + ROUTER_PREAMBLE + """
                 neighbor 192.168.11.2 remote-as 64512
                 !
                 address-family ipv4 unicast
                  network 100.65.0.0/32
                  neighbor 192.168.11.2 activate
                  neighbor 192.168.11.2 allowas-in
                 exit-address-family
                 !
                 address-family l2vpn evpn
                  neighbor 192.168.11.2 activate
                  neighbor 192.168.11.2 allowas-in
                  advertise-all-vni
                 exit-address-family
                exit
                !
                router bgp 64514 vrf blue
                """ + ROUTER_PREAMBLE + """
                 !
                 address-family l2vpn evpn
                  advertise ipv4 unicast
                  advertise ipv6 unicast
                 exit-address-family
                exit
                !
                router bgp 64514 vrf red
                """ + ROUTER_PREAMBLE + """
                 neighbor 192.169.10.2 remote-as 64515
                 !
                 address-family ipv4 unicast
                  network 192.169.10.2/32
                  neighbor 192.169.10.2 activate
                  neighbor 192.169.10.2 route-map allowall in
                  neighbor 192.169.10.2 route-map allowall out
                 exit-address-family
                 !
                 address-family l2vpn evpn
                  advertise ipv4 unicast
                  advertise ipv6 unicast
                 exit-address-family
                exit
                !
                """, renderer.render(Configs.evpnWithL3vni()));
    }

    @Test
    void passthroughHostNeighborsAreAnnouncedAndPermissiveInTheirFamily() {
        assertEquals(HEADER + """
                route-map allowall permit 1
                exit
                !
                router bgp 64514
                """ + ROUTER_PREAMBLE + ConfigRenderer.MULTIPATH_RELAX + "\n" + """
                 neighbor 192.168.11.2 remote-as 64512
                 neighbor 192.169.10.2 remote-as 64515
                 neighbor 2001:db8:10::2 remote-as 64515
                 !
                 address-family ipv4 unicast
                  network 192.169.10.2/32
                  neighbor 192.168.11.2 activate
                  neighbor 192.168.11.2 allowas-in
                  neighbor 192.169.10.2 activate
                  neighbor 192.169.10.2 route-map allowall in
                  neighbor 192.169.10.2 route-map allowall out
                 exit-address-family
                 !
                 address-family ipv6 unicast
                  network 2001:db8:10::2/128
                  neighbor 2001:db8:10::2 activate
                  neighbor 2001:db8:10::2 route-map allowall in
                  neighbor 2001:db8:10::2 route-map allowall out
                 exit-address-family
                exit
                !
                """, renderer.render(Configs.passthroughDualStack()));
    }

    @Test
    void declarationOrderDoesNotChangeTheText() {
        FrrConfig original = Configs.evpnWithL3vni();
        BgpRouter underlay = original.defaultRouter().orElseThrow();
        List<org.openpe.api.frr.BgpNeighbor> neighbors = new ArrayList<>(Configs.passthroughDualStack().defaultRouter()
                .orElseThrow().neighbors());
        Collections.reverse(neighbors);
        List<String> networks = new ArrayList<>(List.of("192.169.10.2/32", "100.65.0.0/32", "2001:db8:10::2/128", "10.1.0.0/16",
                "100.65.0.0/32"));
        FrrConfig shuffled = new FrrConfig("pe1", "info", reversed(original.vrfVnis()), List.of(),
                Optional.of(new BgpRouter(underlay.asn(), Optional.empty(), underlay.routerId(), neighbors, networks, true, false)),
                reversed(original.vrfRouters()));
        Collections.reverse(neighbors);
        Collections.sort(networks);
        FrrConfig ordered = new FrrConfig("pe1", "informational", original.vrfVnis(), List.of(),
                Optional.of(new BgpRouter(underlay.asn(), Optional.empty(), underlay.routerId(), neighbors, networks, true, false)),
                original.vrfRouters());

        assertEquals(ordered, shuffled);
        assertEquals(renderer.render(ordered), renderer.render(shuffled));
        assertTrue(renderer.render(shuffled).contains("""
                  network 10.1.0.0/16
                  network 100.65.0.0/32
                  network 192.169.10.2/32
                """), renderer.render(shuffled));
    }

    @Test
    void displayRenderingMasksPasswords() {
        String display = renderer.renderForDisplay(Configs.underlayAllSessionOptions());
        assertFalse(display.contains("s3cret"), display);
        assertTrue(display.contains(" neighbor 192.168.11.2 password ****\n"), display);
        assertEquals(renderer.render(Configs.underlayAllSessionOptions()).replace("s3cret", "****"), display);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
