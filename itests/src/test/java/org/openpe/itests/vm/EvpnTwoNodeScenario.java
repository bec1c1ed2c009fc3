package org.openpe.itests.vm;

import org.openpe.itests.support.Eventually;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 end to end: two OpenPE nodes (index 0 and 1) with the same underlay and L3VNI {@code red}
 * (VNI 100, host session 64514/64515, 192.169.10.0/24) behind a leaf that is itself a VTEP of vrf red;
 * then the VNI edited to 300 on both nodes; then an L2VNI (VNI 110 in vrf red, autocreated host bridge, anycast gateway) joining a workload
 * namespace behind each node's {@code br-hs-110}. The steps build on each other, in order. Run by
 * {@link EvpnTwoNodeIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvpnTwoNodeScenario {

    private static final Duration CONVERGE = Duration.ofSeconds(180);
    private static final String L3VNI = "org.openpe.l3vni-red.cfg";
    private static final String L2VNI = "org.openpe.l2vni-red110.cfg";
    private static final String GATEWAY = "192.171.24.1";
    private static final String[] VTEPS = {"100.65.0.0", "100.65.0.1"};
    private static final Pattern VNI_DEVICES = Pattern.compile("\\d+: (red|br-pe-\\d+|vni\\d+|host-\\d+|pe-\\d+|br-hs-\\d+)[@:]");

    private static EvpnFabric fabric;
    private static final List<OpenPeNode> nodes = new ArrayList<>();
    private static final List<String> routerNamespaces = new ArrayList<>();
    private static final List<ScratchNamespace> l2Hosts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        VrfTier.assumeInside();
        fabric = EvpnFabric.create(2);
        Path work = Files.createTempDirectory("openpe-nodes");
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        for (int i = 0; i < 2; i++) {
            String router = "evr" + i + "-" + suffix;
            routerNamespaces.add(router);
            OpenPeNode node = OpenPeNode.unpack("node" + i, work, fabric.hosts.get(i).name());
            nodes.add(node);
            node.writeConfig("org.openpe.node.cfg", "nodeIndex = " + i + "\nrouterNamespace = " + router + "\n");
            node.writeConfig("org.openpe.underlay-fabric.cfg", """
                    asn = 64514
                    nics = toswitch
                    neighbors.0.asn = 64512
                    neighbors.0.address = %s
                    neighbors.0.connectTime = 2s
                    evpn.vtepcidr = 100.65.0.0/24
                    """.formatted(EvpnFabric.LEAF_ADDRESS));
            node.writeConfig(L3VNI, l3vni(100));
            node.start();
        }
        nodes.forEach(OpenPeNode::awaitStarted);
    }

    @AfterAll
    static void stop() throws Exception {
        Path reports = Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            if (fabric != null) {
                Files.writeString(reports.resolve("leaf-evpn.txt"), fabric.leafFrr.vtysh("show bgp l2vpn evpn route"));
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("no EVPN dump of the leaf: " + e.getMessage());
        }
        nodes.forEach(OpenPeNode::requestStop);
        for (OpenPeNode node : nodes) {
            node.close();
        }
        l2Hosts.forEach(ScratchNamespace::close);
        for (String router : routerNamespaces) {
            FrrInstance.adopt(router).close();
            ScratchNamespace.adopt(router).close();
        }
        if (fabric != null) {
            fabric.close();
        }
    }

    @Test
    @Order(1)
    void typeFiveRoutesReachTheLeafAndTheOtherNodeWithTheVtepAsNextHop() {
        for (int i = 0; i < 2; i++) {
            Pattern route = Pattern.compile("(?m)^" + Pattern.quote(EvpnFabric.workload(i)) + " (nhid \\d+ )?via "
                    + Pattern.quote(VTEPS[i]) + " dev ");
            Eventually.await("the leaf's vrf red to route " + route, CONVERGE,
                    () -> fabric.leaf.ip("route", "show", "vrf", "red"), out -> route.matcher(out).find());
            ScratchNamespace otherRouter = ScratchNamespace.adopt(routerNamespaces.get(1 - i));
            Eventually.await("node " + (1 - i) + "'s vrf red to route " + route, CONVERGE,
                    () -> otherRouter.ip("route", "show", "vrf", "red"), out -> route.matcher(out).find());
        }
        JsonNode prefixes = EvpnFabric.json(fabric.leafFrr, "show bgp l2vpn evpn route type prefix json");
        for (int i = 0; i < 2; i++) {
            String key = "[5]:[0]:[32]:[" + EvpnFabric.workload(i) + "]";
            String route = findRoute(prefixes, key);
            assertTrue(route.contains("\"" + VTEPS[i] + "\""), key + " with next hop " + VTEPS[i] + ": " + route);
            assertTrue(Pattern.compile("RT:\\d+:100\\b").matcher(route).find(), key + " with a route target of VNI 100: " + route);
        }
    }

    @Test
    @Order(2)
    void hostSpeakersLearnEachOthersWorkloadAndTheLeafsPrefix() {
        for (int i = 0; i < 2; i++) {
            FrrInstance speaker = fabric.speakers.get(i);
            String other = EvpnFabric.workload(1 - i) + "/32";
            Eventually.await("host speaker " + i + " to learn " + other + " and " + EvpnFabric.LEAF_PREFIX, CONVERGE,
                    () -> EvpnFabric.json(speaker, "show ip route json"),
                    routes -> routes.has(other) && routes.has(EvpnFabric.LEAF_PREFIX));
        }
    }

    @Test
    @Order(3)
    void workloadsPingEachOtherAndTheLeafAcrossVxlan() {
        ScratchNamespace host0 = fabric.hosts.get(0);
        String toWorkload = host0.exec("ping", "-c", "3", "-W", "2", "-I", EvpnFabric.workload(0), EvpnFabric.workload(1))
                .orFail();
        assertTrue(toWorkload.contains(" 0% packet loss"), toWorkload);
        String toLeaf = host0.exec("ping", "-c", "3", "-W", "2", "-I", EvpnFabric.workload(0),
                EvpnFabric.LEAF_PREFIX.replace("/32", "")).orFail();
        assertTrue(toLeaf.contains(" 0% packet loss"), toLeaf);
    }

    @Test
    @Order(4)
    void changingTheVniReplacesItsDevicesAndTheNodesConvergeOnIt() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(L3VNI, l3vni(300));
        }
        for (int i = 0; i < 2; i++) {
            ScratchNamespace router = ScratchNamespace.adopt(routerNamespaces.get(i));
            Eventually.await("node " + i + " with vni300/br-pe-300 instead of vni100/br-pe-100", CONVERGE,
                    () -> router.ip("-o", "link", "show"), out -> out.contains(": vni300:") && out.contains(": br-pe-300:")
                            && !out.contains(": vni100:") && !out.contains(": br-pe-100:"));
        }
        FrrInstance secondRouter = FrrInstance.adopt(routerNamespaces.get(1));
        String key = "[5]:[0]:[32]:[" + EvpnFabric.workload(0) + "]";
        Pattern vni300 = Pattern.compile("RT:\\d+:300\\b");
        Eventually.await("node 1 to hold " + key + " from VTEP " + VTEPS[0] + " on VNI 300", CONVERGE,
                () -> findRoute(EvpnFabric.json(secondRouter, "show bgp l2vpn evpn route type prefix json"), key),
                route -> route.contains("\"" + VTEPS[0] + "\"") && vni300.matcher(route).find());
        String ping = Eventually.await("workload 0 to reach workload 1 over VNI 300", CONVERGE,
                () -> fabric.hosts.get(0).exec("ping", "-c", "3", "-W", "2", "-I", EvpnFabric.workload(0),
                        EvpnFabric.workload(1)).output(), out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
    }

    private static String l3vni(int vni) {
        return """
                vni = %d
                hostsession.asn = 64514
                hostsession.hostasn = 64515
                hostsession.localcidr.ipv4 = 192.169.10.0/24
                """.formatted(vni);
    }

    @Test
    @Order(5)
    void hostsBehindTheAutocreatedBridgesShareOneSubnetAndTheAnycastGateway() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(L2VNI, """
                    vni = 110
                    vrf = red
                    hostmaster.autocreate = true
                    l2gatewayip = %s/24
                    """.formatted(GATEWAY));
        }
        for (int i = 0; i < 2; i++) {
            ScratchNamespace host = fabric.hosts.get(i);
            Eventually.await("br-hs-110 in host " + i, CONVERGE, () -> host.ip("-o", "link", "show"),
                    out -> out.contains(": br-hs-110:") && out.contains(": host-110@"));
            l2Hosts.add(ScratchNamespace.create("evw" + i));
            attachL2Host(host, l2Hosts.get(i), i);
        }

        ScratchNamespace first = l2Hosts.get(0);
        String toOtherHost = Eventually.await("a ping from the L2 host of node 0 to that of node 1", CONVERGE,
                () -> first.exec("ping", "-c", "3", "-W", "2", l2Address(1)).output(), out -> out.contains(" 0% packet loss"));
        assertTrue(toOtherHost.contains(" 0% packet loss"), toOtherHost);
        for (ScratchNamespace l2Host : l2Hosts) {
            String toGateway = l2Host.exec("ping", "-c", "3", "-W", "2", GATEWAY).orFail();
            assertTrue(toGateway.contains(" 0% packet loss"), toGateway);
        }

        FrrInstance secondRouter = FrrInstance.adopt(routerNamespaces.get(1));
        Eventually.await("node 1 to hold the type-3 route of node 0's VTEP", CONVERGE,
                () -> secondRouter.vtysh("show bgp l2vpn evpn route type multicast"),
                out -> out.contains("[3]:[0]:[32]:[" + VTEPS[0] + "]"));
        Eventually.await("node 1 to hold the type-2 route of node 0's L2 host", CONVERGE,
                () -> secondRouter.vtysh("show bgp l2vpn evpn route type macip"),
                out -> out.contains(":[32]:[" + l2Address(0) + "]"));
    }

    /** A namespace on {@code br-hs-110} of a host, addressed in the L2VNI's subnet, routed by the gateway. */
    private static void attachL2Host(ScratchNamespace host, ScratchNamespace l2Host, int index) {
        host.ip("link", "add", "wl0", "type", "veth", "peer", "name", "eth0", "netns", l2Host.name());
        host.ip("link", "set", "wl0", "master", "br-hs-110", "up");
        l2Host.ip("addr", "add", l2Address(index) + "/24", "dev", "eth0");
        l2Host.ip("link", "set", "eth0", "up");
        l2Host.ip("route", "add", "default", "via", GATEWAY);
    }

    private static String l2Address(int index) {
        return "192.171.24." + (10 + index);
    }

    @Test
    @Order(6)
    void deletingTheVnisLeavesNoVniDeviceBehind() throws IOException {
        for (OpenPeNode node : nodes) {
            node.deleteConfig(L2VNI);
            node.deleteConfig(L3VNI);
        }
        for (int i = 0; i < 2; i++) {
            ScratchNamespace router = ScratchNamespace.adopt(routerNamespaces.get(i));
            Eventually.await("node " + i + "'s router namespace without VNI devices", CONVERGE,
                    () -> router.ip("-o", "link", "show"), out -> !VNI_DEVICES.matcher(out).find());
            String hostLinks = fabric.hosts.get(i).ip("-o", "link", "show");
            assertFalse(VNI_DEVICES.matcher(hostLinks).find(), "VNI devices left in host " + i + ":\n" + hostLinks);
        }
    }

    /** The JSON text of the EVPN route {@code key} under any route distinguisher, or fails listing what there is. */
    private static String findRoute(JsonNode byRd, String key) {
        for (JsonNode routes : (Iterable<JsonNode>) byRd::elements) {
            if (routes.has(key)) {
                return routes.get(key).toString();
            }
        }
        throw new AssertionError("no EVPN route " + key + " at the leaf: " + byRd);
    }
}
