package org.openpe.core.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openpe.core.engine.kernel.IpCommand.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * The kernel diff applied through netlink to two throw-away namespaces, one playing the host and
 * one the router: what it creates reads back as exactly what was declared.
 */
@Tag("kernel")
class NetlinkKernelTest {

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final String hostNs = "opk-" + id + "-h";
    private final String routerNs = "opk-" + id + "-r";
    private NetlinkKernel kernel;

    @BeforeEach
    void namespaces() throws Exception {
        assumeTrue(isRoot(), "kernel tests need root (they create network namespaces); skipped");
        ShutdownCleanup.register(hostNs, () -> ip("netns", "delete", hostNs));
        ip("netns", "add", hostNs);
        ShutdownCleanup.register(routerNs, () -> ip("netns", "delete", routerNs)); // NetlinkKernel creates it
        kernel = NetlinkKernel.open(Optional.of(hostNs), routerNs);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
        if (isRoot()) {
            ip("netns", "delete", hostNs);
            ip("netns", "delete", routerNs);
            ShutdownCleanup.forget(hostNs);
            ShutdownCleanup.forget(routerNs);
        }
    }

    @Test
    void whatIsCreatedReadsBackAsDeclaredSoASecondPassChangesNothing() throws Exception {
        List<KernelObject> desired = declarations();

        KernelPlan first = reconcile(desired);
        KernelPlan second = KernelDiff.plan(desired, views(desired));

        assertTrue(first.conflicts().isEmpty(), first.conflicts()::toString);
        assertTrue(second.isEmpty(), () -> "second pass wanted " + second);
        String veth = ip("-n", routerNs, "-d", "link", "show", "pt-ns");
        assertTrue(veth.contains("group 28528") && veth.contains("veth"), veth);
        String vxlan = ip("-n", routerNs, "-d", "link", "show", "vni100");
        assertTrue(vxlan.contains("id 100") && vxlan.contains("local 100.65.0.3") && vxlan.contains("dstport 4789")
                && vxlan.contains("nolearning") && vxlan.contains("master br-pe-100") && vxlan.contains("neigh_suppress on"), vxlan);
        assertTrue(ip("-n", routerNs, "-d", "link", "show", "br-pe-100").contains("addrgenmode none"));
        assertTrue(ip("-n", hostNs, "addr", "show", "pt-host").contains("192.169.10.2/24"));
        assertTrue(ip("-n", routerNs, "addr", "show", "pt-ns").contains("2001:db8:10::1/64"));
        assertEquals("1", ip("netns", "exec", routerNs, "cat", "/proc/sys/net/ipv4/ip_forward").trim());
    }

    @Test
    void driftIsRepairedInPlace() throws Exception {
        List<KernelObject> desired = declarations();
        reconcile(desired);
        int index = kernel.read(Netns.ROUTER, List.of()).link("pt-ns").orElseThrow().index();
        ip("-n", routerNs, "addr", "del", "192.169.10.1/24", "dev", "pt-ns");
        ip("-n", routerNs, "link", "set", "br-pe-100", "down");

        KernelPlan repair = reconcile(desired);

        assertEquals(List.of("set br-pe-100 up in ROUTER", "add address 192.169.10.1/24 to pt-ns in ROUTER"),
                repair.changes().stream().map(KernelChange::describe).toList());
        assertEquals(index, kernel.read(Netns.ROUTER, List.of()).link("pt-ns").orElseThrow().index(),
                "the veth must not have been recreated");
    }

    @Test
    void aDeclaredMtuIsSetOnCreationAndRepairedAndTheNicsIsRead() throws Exception {
        OptionalInt mtu = OptionalInt.of(1450);
        List<KernelObject> desired = declarations().stream()
                .map(o -> o instanceof Link l && l.kind() instanceof LinkKind.Veth ? l.withMtu(mtu) : o).toList();
        reconcile(desired);
        assertTrue(ip("-n", routerNs, "link", "show", "pt-ns").contains("mtu 1450 "));
        assertTrue(ip("-n", hostNs, "link", "show", "pt-host").contains("mtu 1450 "));
        assertEquals(OptionalInt.of(1450), kernel.mtu("pt-ns"));
        assertEquals(OptionalInt.of(1450), kernel.mtu("pt-host"), "a device of the host namespace");
        assertEquals(OptionalInt.empty(), kernel.mtu("no-such-nic"));
        ip("-n", routerNs, "link", "set", "pt-ns", "mtu", "1400");

        KernelPlan repair = reconcile(desired);

        assertEquals(List.of("set MTU of pt-ns to 1450 in ROUTER"), repair.changes().stream().map(KernelChange::describe).toList());
        assertTrue(KernelDiff.plan(desired, views(desired)).isEmpty());
    }

    @Test
    void removingTheDeclarationsRemovesOnlyWhatOpenPeCreated() throws Exception {
        reconcile(declarations());
        ip("-n", routerNs, "link", "add", "host-foo", "type", "bridge");

        reconcile(List.of());

        List<String> left = kernel.read(Netns.ROUTER, List.of()).links().stream().map(ObservedLink::name).toList();
        assertEquals(List.of("host-foo", "lo"), left.stream().sorted().toList());
        assertEquals(Optional.empty(), kernel.locate("pt-host"));
    }

    @Test
    void aRouterNamespaceDeletedByHandWhileInUseGetsItsNameBackWithEverythingInIt() throws Exception {
        ip("-n", routerNs, "link", "add", "kept0", "type", "veth", "peer", "name", "kept1");
        ip("netns", "delete", routerNs);
        assertFalse(ip("netns", "list").contains(routerNs));

        assertTrue(kernel.keepRouterNamespaceNamed().orElseThrow().contains("its name back"));

        assertTrue(ip("-n", routerNs, "link", "show", "kept0").contains("kept0@kept1"), "the same namespace");
        assertEquals(Optional.empty(), kernel.keepRouterNamespaceNamed());
    }

    @Test
    void theNameOfAnotherNamespaceIsNeverTaken() throws Exception {
        ip("netns", "delete", routerNs);
        ip("netns", "add", routerNs);
        ip("-n", routerNs, "link", "add", "theirs0", "type", "veth", "peer", "name", "theirs1");

        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, kernel::keepRouterNamespaceNamed);

        assertTrue(ip("-n", routerNs, "link", "show", "theirs0").contains("theirs0"), "the other namespace keeps the name");
    }

    private KernelPlan reconcile(List<KernelObject> desired) {
        KernelPlan plan = KernelDiff.plan(desired, views(desired));
        plan.changes().forEach(kernel::apply);
        return plan;
    }

    private Map<Netns, KernelView> views(List<KernelObject> desired) {
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            List<String> sysctls = desired.stream().filter(o -> o instanceof Sysctl s && s.netns() == ns)
                    .map(o -> ((Sysctl) o).name()).toList();
            views.put(ns, kernel.read(ns, sysctls));
        }
        return views;
    }

    /** Everything an underlay and a passthrough declare, and a VXLAN port on a bridge (no vrf or dummy needed). */
    private static List<KernelObject> declarations() throws Exception {
        List<KernelObject> objects = new ArrayList<>(List.of(
                new Sysctl(Netns.ROUTER, "net.ipv4.ip_forward", "1"),
                Link.of(Netns.ROUTER, "pt-ns", new LinkKind.Veth("pt-host", Netns.HOST)),
                Link.of(Netns.HOST, "pt-host", new LinkKind.Veth("pt-ns", Netns.ROUTER)),
                new Address(Netns.ROUTER, "pt-ns", "192.169.10.1/24"),
                new Address(Netns.HOST, "pt-host", "192.169.10.2/24"),
                new Address(Netns.ROUTER, "pt-ns", "2001:db8:10::1/64"),
                new Address(Netns.HOST, "pt-host", "2001:db8:10::2/64"),
                Link.of(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge()).withIpv6AddrGenNone(),
                Link.of(Netns.ROUTER, "vni100",
                        new LinkKind.Vxlan(100, InetAddress.getByName("100.65.0.3"), 4789, "pt-ns"))
                        .withMaster("br-pe-100").withNeighSuppress().withIpv6AddrGenNone()));
        return objects;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
