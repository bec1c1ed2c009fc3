package org.openpe.core.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;

class KernelViewTest {

    private static final KernelView VIEW = new KernelView(Netns.ROUTER,
            List.of(new ObservedLink(Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1001)), 7, Ownership.LINK_GROUP),
                    new ObservedLink(Link.of(Netns.ROUTER, "blue", new LinkKind.Vrf(1002)), 8, 0),
                    new ObservedLink(Link.of(Netns.ROUTER, "br-red", new LinkKind.Bridge()), 9, Ownership.LINK_GROUP)),
            List.of(new Address(Netns.ROUTER, "br-red", "2001:DB8:0::1/64"), new Address(Netns.ROUTER, "br-red", "10.0.0.1/24")),
            List.of(new ObservedRoute(Netns.ROUTER, 1001, "2001:db8:0::/64", Ownership.ROUTE_PROTOCOL)),
            Map.of());

    @Test
    void looksDevicesAddressesAndRoutesUpByValue() {
        assertEquals(Optional.of(7), VIEW.link("red").map(ObservedLink::index));
        assertEquals(Optional.empty(), VIEW.link("green"));
        assertTrue(VIEW.hasAddress(new Address(Netns.ROUTER, "br-red", "2001:db8::1/64")));
        assertFalse(VIEW.hasAddress(new Address(Netns.ROUTER, "red", "10.0.0.1/24")));
        assertFalse(VIEW.hasAddress(new Address(Netns.ROUTER, "br-red", "10.0.0.1/25")));
        assertTrue(VIEW.hasRoute(1001, "2001:db8::/64"));
        assertFalse(VIEW.hasRoute(1002, "2001:db8::/64"));
    }

    @Test
    void ownedVrfTablesLeaveForeignVrfsOut() {
        assertEquals(Map.of("red", 1001), VIEW.ownedVrfTables());
    }

    @Test
    void withSysctlsKeepsEverythingElse() {
        KernelView with = VIEW.withSysctls(Map.of("net.ipv4.ip_forward", "1"));
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), with.sysctls());
        assertEquals(VIEW.links(), with.links());
        assertTrue(with.hasRoute(1001, "2001:db8::/64"));
    }
}
