package org.openpe.core.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Route;
import org.openpe.api.kernel.Sysctl;

class KernelDiffTest {

    private static final Link PT_NS = Link.of(Netns.ROUTER, "pt-ns", new LinkKind.Veth("pt-host", Netns.HOST));
    private static final Link PT_HOST = Link.of(Netns.HOST, "pt-host", new LinkKind.Veth("pt-ns", Netns.ROUTER));
    private static final Address PT_NS_V4 = new Address(Netns.ROUTER, "pt-ns", "192.169.10.1/24");
    private static final Address PT_HOST_V4 = new Address(Netns.HOST, "pt-host", "192.169.10.2/24");

    @Test
    void createsAVethPairOnceWithBothLegsConfiguredThenAddresses() {
        KernelPlan plan = KernelDiff.plan(List.of(PT_NS, PT_HOST, PT_NS_V4, PT_HOST_V4), views());

        assertEquals(List.of(
                "create veth pt-ns in ROUTER",
                "set pt-host up in HOST",
                "add address 192.169.10.1/24 to pt-ns in ROUTER",
                "add address 192.169.10.2/24 to pt-host in HOST"), describe(plan));
    }

    @Test
    void applyingTheSameDeclarationsAgainChangesNothing() {
        List<KernelObject> desired = everyKind();

        KernelPlan plan = KernelDiff.plan(desired, realised(desired));

        assertTrue(plan.isEmpty(), () -> "expected no change, got " + describe(plan));
    }

    @Test
    void createsMastersBeforeTheirPortsAndEnslavesBeforeAddressing() {
        KernelPlan plan = KernelDiff.plan(everyKind(), views());

        List<String> steps = describe(plan);
        assertTrue(steps.indexOf("create vrf red in ROUTER") < steps.indexOf("create bridge br-pe-100 in ROUTER"), steps::toString);
        assertTrue(steps.indexOf("create bridge br-pe-100 in ROUTER") < steps.indexOf("create vxlan vni100 in ROUTER"), steps::toString);
        assertTrue(steps.indexOf("create dummy lound in ROUTER") < steps.indexOf("create vxlan vni100 in ROUTER"), steps::toString);
        assertTrue(steps.indexOf("create veth pe-100 in ROUTER") < steps.indexOf("add address 192.169.10.1/24 to pe-100 in ROUTER"), steps::toString);
        assertEquals("set net.ipv4.ip_forward = 1 in ROUTER", steps.get(0));
        assertEquals("add unreachable 0.0.0.0/0 table 1000 in ROUTER", steps.get(steps.size() - 1));
    }

    @Test
    void removesOnlyUndeclaredDevicesOpenPeOwns() {
        Link stale = Link.of(Netns.ROUTER, "br-pe-200", new LinkKind.Bridge());
        Link foreign = Link.of(Netns.ROUTER, "host-foo", new LinkKind.Bridge());
        Map<Netns, KernelView> views = views(
                new ObservedLink(stale, 7, Ownership.LINK_GROUP),
                new ObservedLink(foreign, 8, 0));

        KernelPlan plan = KernelDiff.plan(List.of(), views);

        assertEquals(List.of("delete device br-pe-200 in ROUTER"), describe(plan));
    }

    @Test
    void deletesAVethPairOnceAndPortsBeforeBridgesBeforeVrfs() {
        List<KernelObject> before = everyKind();

        KernelPlan plan = KernelDiff.plan(List.of(), realised(before));

        List<String> steps = describe(plan);
        assertEquals(1, steps.stream().filter(s -> s.startsWith("delete device pe-100") || s.startsWith("delete device host-100")).count(), steps::toString);
        assertTrue(steps.indexOf("delete device vni100 in ROUTER") < steps.indexOf("delete device br-pe-100 in ROUTER"), steps::toString);
        assertTrue(steps.indexOf("delete device br-pe-100 in ROUTER") < steps.indexOf("delete device red in ROUTER"), steps::toString);
        assertTrue(steps.contains("remove unreachable 0.0.0.0/0 table 1000 in ROUTER"), steps::toString);
    }

    @Test
    void recreatesAnOwnedDeviceWhoseTypeSpecificAttributesChanged() throws Exception {
        Link vxlan = vxlan(100, "100.65.0.0");
        Link moved = vxlan(100, "100.65.0.9");

        KernelPlan plan = KernelDiff.plan(List.of(lound(), moved), realised(List.of(lound(), vxlan)));

        assertEquals(List.of("delete device vni100 in ROUTER", "create vxlan vni100 in ROUTER"), describe(plan));
    }

    @Test
    void reportsAForeignDeviceInTheWayInsteadOfTouchingIt() {
        Map<Netns, KernelView> views = views(new ObservedLink(Link.of(Netns.ROUTER, "pt-ns", new LinkKind.Bridge()), 3, 0));

        KernelPlan plan = KernelDiff.plan(List.of(PT_NS, PT_HOST, PT_NS_V4, PT_HOST_V4), views);

        assertTrue(plan.changes().stream().noneMatch(c -> c.describe().contains("pt-")), () -> describe(plan).toString());
        assertEquals("device pt-ns in the router namespace is not OpenPE's (its link group is not 28528): OpenPE neither"
                + " uses nor removes it; rename or delete it", plan.conflicts().get(PT_NS.key()));
    }

    @Test
    void aForeignDeviceOfTheRightKindWithAnOwnedNameIsNeitherAdoptedNorAddressed() {
        Link bridge = Link.of(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge());
        Map<Netns, KernelView> foreignVeth = views(new ObservedLink(
                Link.of(Netns.HOST, "pt-host", new LinkKind.Veth(null, null)), 4, 0));

        KernelPlan bridgePlan = KernelDiff.plan(List.of(bridge), views(new ObservedLink(bridge, 4, 0)));
        KernelPlan vethPlan = KernelDiff.plan(List.of(PT_NS, PT_HOST, PT_NS_V4, PT_HOST_V4), foreignVeth);

        assertEquals(List.of(), describe(bridgePlan));
        assertTrue(bridgePlan.conflicts().get(bridge.key()).startsWith("device br-pe-100 in the router namespace is not OpenPE's"));
        assertEquals(List.of(), describe(vethPlan));
        assertTrue(vethPlan.conflicts().get(PT_HOST.key()).startsWith("device pt-host in the host namespace is not OpenPE's"));
        assertTrue(vethPlan.conflicts().get(PT_NS.key()).startsWith("its veth peer pt-host cannot be created"));
    }

    @Test
    void adoptsTheUntaggedLegOfAVethPairWhoseOtherLegItOwns() {
        Map<Netns, KernelView> views = views(new ObservedLink(PT_HOST, 5, Ownership.LINK_GROUP),
                new ObservedLink(PT_NS, 6, 0));

        KernelPlan plan = KernelDiff.plan(List.of(PT_NS, PT_HOST), views);

        assertEquals(List.of("adopt device pt-ns in ROUTER"), describe(plan));
    }

    @Test
    void repairsDriftedAttributesInPlace() {
        Link desired = Link.of(Netns.ROUTER, "pe-100", new LinkKind.Veth("host-100", Netns.HOST)).withMaster("red");
        Link drifted = new Link(Netns.ROUTER, "pe-100", desired.kind(), java.util.Optional.empty(),
                java.util.Optional.empty(), false, false, false);
        Link peer = Link.of(Netns.HOST, "host-100", new LinkKind.Veth("pe-100", Netns.ROUTER));
        Map<Netns, KernelView> views = views(
                new ObservedLink(drifted, 5, Ownership.LINK_GROUP), new ObservedLink(peer, 6, Ownership.LINK_GROUP));

        KernelPlan plan = KernelDiff.plan(List.of(desired, peer), views);

        assertEquals(List.of("enslave pe-100 to red in ROUTER", "set pe-100 up in ROUTER"), describe(plan));
    }

    @Test
    void anMtuIsSetOnlyWhenDeclaredAndDifferent() {
        Link declared = PT_NS.withMtu(java.util.OptionalInt.of(1450));
        Link observed = new Link(Netns.ROUTER, "pt-ns", PT_NS.kind(), java.util.Optional.empty(), java.util.Optional.empty(),
                true, false, false, java.util.Optional.of(1500));
        Link peer = new Link(Netns.HOST, "pt-host", PT_HOST.kind(), java.util.Optional.empty(), java.util.Optional.empty(),
                true, false, false, java.util.Optional.of(1500));
        Map<Netns, KernelView> views = views(new ObservedLink(observed, 5, Ownership.LINK_GROUP),
                new ObservedLink(peer, 6, Ownership.LINK_GROUP));

        assertEquals(List.of("set MTU of pt-ns to 1450 in ROUTER"), describe(KernelDiff.plan(List.of(declared, PT_HOST), views)));
        assertTrue(KernelDiff.plan(List.of(PT_NS, PT_HOST), views).isEmpty(), "no MTU declared: the kernel's stays");
    }

    @Test
    void replacesAddressesOnOwnedDevicesButNeverOnForeignOnes() {
        Address old = new Address(Netns.ROUTER, "pt-ns", "192.169.11.1/24");
        Address nicAddress = new Address(Netns.ROUTER, "toswitch", "192.168.11.3/24");
        List<KernelObject> desired = List.of(PT_NS, PT_HOST, PT_NS_V4);
        Map<Netns, KernelView> views = realised(List.of(PT_NS, PT_HOST, old));
        KernelView router = views.get(Netns.ROUTER);
        List<ObservedLink> links = new ArrayList<>(router.links());
        links.add(new ObservedLink(Link.of(Netns.ROUTER, "toswitch", new LinkKind.Existing()), 9, 0));
        List<Address> addresses = new ArrayList<>(router.addresses());
        addresses.add(nicAddress);
        views.put(Netns.ROUTER, new KernelView(Netns.ROUTER, links, addresses, router.routes(), router.sysctls()));

        KernelPlan plan = KernelDiff.plan(desired, views);

        assertEquals(List.of("remove address 192.169.11.1/24 from pt-ns in ROUTER",
                "add address 192.169.10.1/24 to pt-ns in ROUTER"), describe(plan));
    }

    @Test
    void anIpv6AddressIsAddedAsDeclaredUnderTheKeyItsResourceOwns() {
        Address v6 = new Address(Netns.ROUTER, "pt-ns", "2001:db8:10::1/64");

        KernelPlan plan = KernelDiff.plan(List.of(PT_NS, PT_HOST, v6), realised(List.of(PT_NS, PT_HOST)));

        assertEquals(List.of("add address 2001:db8:10::1/64 to pt-ns in ROUTER"), describe(plan));
        assertEquals(v6.key(), plan.changes().get(0).objectKey());
    }

    @Test
    void ipv6AddressesCompareByValueNotByText() {
        Address declared = new Address(Netns.ROUTER, "pt-ns", "2001:db8:10::1/64");
        Address reported = new Address(Netns.ROUTER, "pt-ns", "2001:DB8:10:0:0:0:0:1/64");
        Map<Netns, KernelView> views = realised(List.of(PT_NS, PT_HOST, reported));

        KernelPlan plan = KernelDiff.plan(List.of(PT_NS, PT_HOST, declared), views);

        assertTrue(plan.isEmpty(), () -> describe(plan).toString());
    }

    @Test
    void aMissingExistingDeviceIsAConflict() {
        Link nic = Link.of(Netns.ROUTER, "toswitch", new LinkKind.Existing());

        KernelPlan plan = KernelDiff.plan(List.of(nic), views());

        assertEquals("device toswitch does not exist in the router namespace", plan.conflicts().get(nic.key()));
        assertTrue(plan.changes().isEmpty());
    }

    private static List<KernelObject> everyKind() {
        return List.of(
                new Sysctl(Netns.ROUTER, "net.ipv4.ip_forward", "1"),
                lound(),
                new Address(Netns.ROUTER, "lound", "100.65.0.0/32"),
                Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1000)),
                Link.of(Netns.ROUTER, "br-pe-100", new LinkKind.Bridge()).withMaster("red").withIpv6AddrGenNone(),
                vxlan(100, "100.65.0.0").withMaster("br-pe-100").withNeighSuppress().withIpv6AddrGenNone(),
                Link.of(Netns.ROUTER, "pe-100", new LinkKind.Veth("host-100", Netns.HOST)).withMaster("red"),
                Link.of(Netns.HOST, "host-100", new LinkKind.Veth("pe-100", Netns.ROUTER)),
                new Address(Netns.ROUTER, "pe-100", "192.169.10.1/24"),
                new Address(Netns.HOST, "host-100", "192.169.10.2/24"),
                new Route(Netns.ROUTER, "red", "0.0.0.0/0"));
    }

    private static Link lound() {
        return Link.of(Netns.ROUTER, "lound", new LinkKind.Dummy());
    }

    private static Link vxlan(int vni, String local) {
        try {
            return Link.of(Netns.ROUTER, "vni" + vni, new LinkKind.Vxlan(vni, InetAddress.getByName(local), 4789, "lound"));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The kernel after OpenPE applied every declaration: the plan from nothing, applied to an in-memory kernel. */
    private static Map<Netns, KernelView> realised(List<KernelObject> desired) {
        InMemoryKernel kernel = new InMemoryKernel();
        KernelDiff.plan(desired, views()).changes().forEach(kernel::apply);
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            List<String> sysctls = desired.stream().filter(o -> o instanceof Sysctl s && s.netns() == ns)
                    .map(o -> ((Sysctl) o).name()).toList();
            views.put(ns, kernel.read(ns, sysctls));
        }
        return views;
    }

    private static Map<Netns, KernelView> views(ObservedLink... links) {
        Map<Netns, KernelView> views = new EnumMap<>(Netns.class);
        for (Netns ns : Netns.values()) {
            List<ObservedLink> in = java.util.Arrays.stream(links).filter(l -> l.link().netns() == ns).toList();
            views.put(ns, new KernelView(ns, in, List.of(), List.of(), Map.of()));
        }
        return views;
    }

    private static List<String> describe(KernelPlan plan) {
        return plan.changes().stream().map(KernelChange::describe).toList();
    }
}
