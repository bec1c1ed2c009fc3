package org.openpe.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.Netns;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.Underlay;

class PassthroughReconcilerTest {

    private final PassthroughReconciler reconciler = new PassthroughReconciler();

    @Test
    void declaresTheVethPairWithThisNodesAddressesInBothFamilies() throws Exception {
        Contribution c = reconciler.contribute(passthrough("192.169.10.0/24", "2001:db8:10::/64"), node(3));

        assertTrue(c.kernel().contains(Link.of(Netns.ROUTER, "pt-ns", new org.openpe.api.kernel.LinkKind.Veth("pt-host", Netns.HOST))));
        assertTrue(c.kernel().contains(Link.of(Netns.HOST, "pt-host", new org.openpe.api.kernel.LinkKind.Veth("pt-ns", Netns.ROUTER))));
        List<Address> addresses = c.kernel().stream().filter(Address.class::isInstance).map(Address.class::cast).toList();
        assertEquals(List.of(
                new Address(Netns.ROUTER, "pt-ns", "192.169.10.1/24"),
                new Address(Netns.HOST, "pt-host", "192.169.10.5/24"),
                new Address(Netns.ROUTER, "pt-ns", "2001:db8:10::1/64"),
                new Address(Netns.HOST, "pt-host", "2001:db8:10::5/64")), addresses);
    }

    @Test
    void peersWithTheHostSpeakerInTheDefaultInstanceAndAnnouncesItsAddress() throws Exception {
        Contribution c = reconciler.contribute(passthrough("192.169.10.0/24", null), node(0));

        BgpNeighbor host = c.frr().defaultNeighbors().get(0);
        assertEquals("192.169.10.2", host.address());
        assertEquals(64515, host.remoteAs());
        assertTrue(host.permissiveRouteMaps());
        assertEquals(List.of("192.169.10.2/32"), c.frr().defaultNetworks());
        assertTrue(c.frr().vrfRouters().isEmpty());
    }

    @Test
    void aCidrTooSmallForThisNodeFailsNamingTheResourceAndIndex() {
        ReconcileException e = assertThrows(ReconcileException.class,
                () -> reconciler.contribute(passthrough("192.169.10.0/30", null), node(5)));

        assertTrue(e.getMessage().startsWith("l3passthrough pt: hostsession.localcidr 192.169.10.0/30"), e.getMessage());
        assertTrue(e.getMessage().contains("node index 5"), e.getMessage());
    }

    private static L3Passthrough passthrough(String v4, String v6) {
        return new L3Passthrough("pt", new HostSession(64514, 64515,
                new LocalCIDRConfig(Optional.ofNullable(v4), Optional.ofNullable(v6))));
    }

    private static NodeContext node(int index) {
        return new NodeContext() {
            public int nodeIndex() {
                return index;
            }

            public String routerNamespace() {
                return "perouter";
            }

            public Optional<Underlay> underlay() {
                return Optional.empty();
            }

            public int vrfTable(String vrf) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
