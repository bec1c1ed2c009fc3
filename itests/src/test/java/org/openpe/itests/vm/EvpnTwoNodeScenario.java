package org.openpe.itests.vm;

import org.openpe.itests.support.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issues 6 and 7 end to end: two OpenPE nodes (index 0 and 1) with the same underlay and dual-stack
 * L3VNI {@code red} (VNI 100, host session 64514/64515, 192.169.10.0/24 and 2001:db8:10::/64) behind a
 * leaf that is itself a VTEP of vrf red (peering with any external AS); then the VNI edited to 300, the
 * VRF's ASN to 64520 and the underlay's ASN to 64516 on both nodes (and bgpd of node 0 killed: disabled);
 * then an L2VNI (VNI 110 in vrf red, autocreated host bridge, anycast gateway) joining a workload namespace
 * behind each node's {@code br-hs-110}; then the VNI plugins on node 0: bundle update/refresh flaps
 * nothing, feature uninstall/install of openpe-l2vni, then of openpe-l3vni; then bad edits on node 0
 * (an underlay typo, a half-written underlay, a password with a space, the L3VNI edited to the L2VNI's
 * VNI) rejected while the versions in force stay applied (issue 14: no device recreated, no session
 * reset), each written back; then issue 18: route targets (the leaf sees the configured export RT, the nodes import
 * the leaf's route by its RT), the VNI devices' MTU (the NIC's less 50), a ping across the VXLAN through a kill -9 of
 * node 0's bgpd with graceful restart against step 8's without, a second ToR in its own AS on node 0 (ECMP to a prefix
 * both leaves announce, then the NIC removed from {@code nics}: handed back with its address, the first ToR's session
 * kept), an iBGP underlay neighbor and an iBGP host session on node 1, given by type, a pure-L2 L2VNI (VNI 120, {@code l2only})
 * bridging a host behind each node with no VRF and no route; finally every VNI deleted.
 * The steps build on each other, in order. Run by {@link EvpnTwoNodeIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(StepLog.class)
class EvpnTwoNodeScenario {

    private static final Duration CONVERGE = Duration.ofSeconds(180);
    /**
     * Sessions torn down (an AS change, a killed bgpd): each side may be waiting out FRR's connect-retry timer
     * (120 s, the host sessions set none) or its idle-hold back-off after repeated resets (up to 120 s).
     */
    private static final Duration SESSIONS_AFTER_RESET = Duration.ofSeconds(330);
    private static final String L3VNI = "org.openpe.l3vni-red.cfg";
    private static final String L2VNI = "org.openpe.l2vni-red110.cfg";
    private static final String PURE_L2VNI = "org.openpe.l2vni-flat.cfg";
    private static final int PURE_L2_VNI = 120;
    private static final String GATEWAY = "192.171.24.1";
    private static final String[] VTEPS = {"100.65.0.0", "100.65.0.1"};
    private static final String UNDERLAY = "org.openpe.underlay-fabric.cfg";
    private static final long UNDERLAY_ASN = 64514;
    private static final long EDITED_UNDERLAY_ASN = 64516;
    private static final long HOST_SESSION_ASN = 64514;
    private static final long EDITED_HOST_SESSION_ASN = 64520;
    /** A line of {@code ip -o link show} naming a device of a VNI: group 1 its index, group 2 its name. */
    private static final Pattern VNI_DEVICE = Pattern.compile("(?m)^(\\d+): (red|br-pe-\\d+|vni\\d+|host-\\d+|pe-\\d+|br-hs-\\d+)[@:]");
    private static final List<String> L2VNI_ROUTER_DEVICES = List.of("br-pe-110", "vni110", "pe-110");
    private static final List<String> L2VNI_HOST_DEVICES = List.of("host-110", "br-hs-110");
    /** After the VNI edit (step 5): what the L3VNI alone owns, keyed as {@link #vniDevices}. */
    private static final List<String> L3VNI_DEVICES = List.of("router/br-pe-300", "router/vni300", "router/pe-300",
            "host/host-300");
    /** Longer than the engine waits for a departed plugin to come back (10 s) before treating it as uninstalled. */
    private static final Duration PLUGIN_RETURN_GRACE = Duration.ofSeconds(12);

    private static EvpnFabric fabric;
    /** Step 8's kill -9 of node 0's bgpd without graceful restart: the baseline of step 17. */
    private static PingDuringRestart.Loss lossWithoutGracefulRestart;
    private static final List<OpenPeNode> nodes = new ArrayList<>();
    private static final List<String> routerNamespaces = new ArrayList<>();
    private static final List<ScratchNamespace> l2Hosts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        VrfTier.assumeInside();
        fabric = EvpnFabric.create(2, HOST_SESSION_ASN);
        Path work = Files.createTempDirectory("openpe-nodes");
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        for (int i = 0; i < 2; i++) {
            String router = "evr" + i + "-" + suffix;
            routerNamespaces.add(router);
            OpenPeNode node = OpenPeNode.unpack("node" + i, work, fabric.hosts.get(i).name());
            nodes.add(node);
            node.writeConfig("org.openpe.node.cfg", "nodeIndex = " + i + "\nrouterNamespace = " + router + "\n");
            node.writeConfig(UNDERLAY, underlay(UNDERLAY_ASN));
            node.writeConfig(L3VNI, l3vni(100, HOST_SESSION_ASN));
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
    void dualStackIpv6TypeFiveRoutesReachTheLeafAndTheOtherNodeAndWorkloadsPingOverIpv6() {
        for (int i = 0; i < 2; i++) {
            Pattern route = Pattern.compile("(?m)^" + Pattern.quote(EvpnFabric.workload6(i)) + " .*\\b"
                    + Pattern.quote(VTEPS[i]) + " dev ");
            ScratchNamespace otherRouter = router(1 - i);
            Eventually.await("node " + (1 - i) + "'s vrf red to route " + route, CONVERGE,
                    () -> otherRouter.ip("-6", "route", "show", "vrf", "red"), out -> route.matcher(out).find());
            String key = "[5]:[0]:[128]:[" + EvpnFabric.workload6(i) + "]";
            String leafRoute = Eventually.await("the leaf to hold " + key, CONVERGE,
                    () -> findRoute(EvpnFabric.json(fabric.leafFrr, "show bgp l2vpn evpn route type prefix json"), key),
                    found -> true);
            assertTrue(leafRoute.contains("\"" + VTEPS[i] + "\""), key + " with next hop " + VTEPS[i] + ": " + leafRoute);
            assertTrue(Pattern.compile("RT:\\d+:100\\b").matcher(leafRoute).find(),
                    key + " with a route target of VNI 100: " + leafRoute);
        }
        for (int i = 0; i < 2; i++) {
            FrrInstance speaker = fabric.speakers.get(i);
            String other = EvpnFabric.workload6(1 - i) + "/128";
            Eventually.await("host speaker " + i + " to learn " + other + " over its IPv6 session", CONVERGE,
                    () -> EvpnFabric.json(speaker, "show ipv6 route json"), routes -> routes.has(other));
        }
        String ping = Eventually.await("IPv6 workload 0 to reach IPv6 workload 1 across VXLAN", CONVERGE,
                () -> pingWorkload(EvpnFabric.workload6(0), EvpnFabric.workload6(1)), out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
    }

    @Test
    @Order(5)
    void changingTheVniReplacesItsDevicesAndTheNodesConvergeOnIt() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(L3VNI, l3vni(300, HOST_SESSION_ASN));
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

    @Test
    @Order(6)
    void changingTheVrfAsnRestartsTheHostSessionsInTheNewAsAndRoutesFlowAgain() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(L3VNI, l3vni(300, EDITED_HOST_SESSION_ASN));
        }
        fabric.setRouterAsnOfSpeakers(EDITED_HOST_SESSION_ASN);
        for (int i = 0; i < 2; i++) {
            int index = i;
            List<String> hostSide = EvpnFabric.hostSide(i);
            try {
                Eventually.await("node " + i + "'s vrf red BGP instance in AS " + EDITED_HOST_SESSION_ASN
                        + " with Established sessions to " + hostSide, SESSIONS_AFTER_RESET, () -> vrfSummary(index),
                        summary -> isLocalAs(summary.path("ipv4Unicast"), EDITED_HOST_SESSION_ASN)
                                && isLocalAs(summary.path("ipv6Unicast"), EDITED_HOST_SESSION_ASN)
                                && isEstablished(summary.path("ipv4Unicast"), hostSide.get(0))
                                && isEstablished(summary.path("ipv6Unicast"), hostSide.get(1)));
            } catch (AssertionError e) {
                throw withDiagnostics(e, i);
            }
            String running = routerFrr(i).vtysh("show running-config");
            assertFalse(running.contains("router bgp " + HOST_SESSION_ASN + " vrf red"),
                    "node " + i + " kept the BGP instance of vrf red in the old AS " + HOST_SESSION_ASN + ":\n" + running);
        }
        for (int i = 0; i < 2; i++) {
            FrrInstance speaker = fabric.speakers.get(i);
            Eventually.await("host speaker " + i + "'s sessions to AS " + EDITED_HOST_SESSION_ASN + " Established",
                    SESSIONS_AFTER_RESET, () -> EvpnFabric.json(speaker, "show bgp summary json"),
                    summary -> isEstablished(summary.path("ipv4Unicast"), EvpnFabric.ROUTER_SIDE.get(0))
                            && isEstablished(summary.path("ipv6Unicast"), EvpnFabric.ROUTER_SIDE.get(1))
                            && summary.path("ipv4Unicast").path("peers").path(EvpnFabric.ROUTER_SIDE.get(0))
                                    .path("remoteAs").asLong() == EDITED_HOST_SESSION_ASN);
            // Learned over the sessions in the new AS: a session reset drops what came over the old one.
            String other = EvpnFabric.workload(1 - i) + "/32";
            String other6 = EvpnFabric.workload6(1 - i) + "/128";
            Eventually.await("host speaker " + i + " to learn " + other + " and " + other6 + " again", CONVERGE,
                    () -> EvpnFabric.json(speaker, "show ip route json").has(other)
                            && EvpnFabric.json(speaker, "show ipv6 route json").has(other6), learned -> learned);
        }
        for (List<String> pair : List.of(List.of(EvpnFabric.workload(0), EvpnFabric.workload(1)),
                List.of(EvpnFabric.workload6(0), EvpnFabric.workload6(1)))) {
            String ping = Eventually.await("workload " + pair.get(0) + " to reach " + pair.get(1) + " after the ASN edit",
                    CONVERGE, () -> pingWorkload(pair.get(0), pair.get(1)), out -> out.contains(" 0% packet loss"));
            assertTrue(ping.contains(" 0% packet loss"), ping);
        }
    }

    @Test
    @Order(7)
    void changingTheUnderlayAsnReplacesEveryInstanceAndTheFabricConvergesAgain() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(UNDERLAY, underlay(EDITED_UNDERLAY_ASN));
        }
        for (int i = 0; i < 2; i++) {
            int index = i;
            try {
                Eventually.await("node " + i + "'s default BGP instance in AS " + EDITED_UNDERLAY_ASN
                        + " Established with the leaf", SESSIONS_AFTER_RESET,
                        () -> EvpnFabric.json(routerFrr(index), "show bgp summary json"),
                        summary -> isLocalAs(summary.path("ipv4Unicast"), EDITED_UNDERLAY_ASN)
                                && isEstablished(summary.path("ipv4Unicast"), EvpnFabric.LEAF_ADDRESS));
                Eventually.await("node " + i + "'s vrf red instance back in AS " + EDITED_HOST_SESSION_ASN
                        + " with its host sessions", SESSIONS_AFTER_RESET, () -> vrfSummary(index),
                        summary -> isLocalAs(summary.path("ipv4Unicast"), EDITED_HOST_SESSION_ASN)
                                && isEstablished(summary.path("ipv4Unicast"), EvpnFabric.hostSide(index).get(0)));
            } catch (AssertionError e) {
                throw withDiagnostics(e, i);
            }
            String running = routerFrr(i).vtysh("show running-config");
            assertFalse(running.contains("router bgp " + UNDERLAY_ASN + "\n"),
                    "node " + i + " kept the default BGP instance in the old AS " + UNDERLAY_ASN + ":\n" + running);
        }
        String ping = Eventually.await("workload 0 to reach workload 1 after the underlay ASN edit", CONVERGE,
                () -> pingWorkload(EvpnFabric.workload(0), EvpnFabric.workload(1)), out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
    }

    @Test
    @Order(8)
    void aKilledBgpdComesBackWithTheVrfInstanceInItsOwnAs() throws Exception {
        List<String> leafDeletions;
        List<String> nodeDeletions;
        try (PingDuringRestart ping = pingAcrossVxlan(); RouteMonitor leafRoutes = RouteMonitor.start(fabric.leaf);
                RouteMonitor nodeRoutes = RouteMonitor.start(router(0))) {
            killBgpdAndAwaitItsSessions(0);
            awaitStatus(nodes.get(0), "l3vni", "red", "Applied");
            ping.awaitMoreReplies(10, "ping replies again after bgpd of node 0 restarted (no graceful restart)");
            lossWithoutGracefulRestart = ping.stop();
            leafDeletions = leafRoutes.stopAndListDeletionsOf(EvpnFabric.workload(0));
            nodeDeletions = nodeRoutes.stopAndListDeletionsOf(EvpnFabric.workload(1));
        }
        System.out.println("[issue 18] kill -9 of node 0's bgpd without graceful restart: " + lossWithoutGracefulRestart
                + "; deleted meanwhile by the leaf's kernel: " + leafDeletions + ", by node 0's: " + nodeDeletions);
        try {
            String ping = Eventually.await("workload 0 to reach workload 1 after bgpd of node 0 restarted", CONVERGE,
                    () -> pingWorkload(EvpnFabric.workload(0), EvpnFabric.workload(1)), out -> out.contains(" 0% packet loss"));
            assertTrue(ping.contains(" 0% packet loss"), ping);
        } catch (AssertionError e) {
            Path file = writeHostSessionDiagnostics(0, "after-bgpd-restart");
            throw withDiagnostics(new AssertionError(e.getMessage() + "\n(both sides' BGP state in " + file + ")", e), 0);
        }
    }

    /** A ping from workload 0 (behind node 0) to workload 1 (behind node 1): across the VXLAN of vrf red. */
    private static PingDuringRestart pingAcrossVxlan() throws IOException {
        return PingDuringRestart.start(fabric.hosts.get(0), EvpnFabric.workload(0), EvpnFabric.workload(1));
    }

    /** kill -9 of node {@code index}'s bgpd; waits for the supervisor's new one with vrf red's host sessions Established. */
    private static void killBgpdAndAwaitItsSessions(int index) {
        FrrInstance frr = routerFrr(index);
        long killed = frr.pid("bgpd");
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        List<String> hostSide = EvpnFabric.hostSide(index);
        Eventually.await("node " + index + "'s restarted bgpd with vrf red in AS " + EDITED_HOST_SESSION_ASN + " (not the underlay's "
                + EDITED_UNDERLAY_ASN + ") and its host sessions Established", SESSIONS_AFTER_RESET, () -> vrfSummary(index),
                summary -> isLocalAs(summary.path("ipv4Unicast"), EDITED_HOST_SESSION_ASN)
                        && isEstablished(summary.path("ipv4Unicast"), hostSide.get(0))
                        && isEstablished(summary.path("ipv6Unicast"), hostSide.get(1)));
        assertNotEquals(killed, frr.pid("bgpd"), "bgpd of node " + index + " was not restarted");
    }

    /** The failure with node {@code index}'s resource status and its host speaker's view of the sessions. */
    private static AssertionError withDiagnostics(AssertionError failure, int index) {
        String speaker;
        try {
            speaker = fabric.speakers.get(index).vtysh("show bgp summary");
        } catch (RuntimeException e) {
            speaker = "unavailable: " + e.getMessage();
        }
        return new AssertionError(failure.getMessage() + "\nopenpe:list on node " + index + ":\n"
                + nodes.get(index).client("openpe:list") + "\nits host speaker's sessions:\n" + speaker, failure);
    }

    private static String underlay(long asn) {
        return EvpnFabric.underlay(asn);
    }

    private static boolean isLocalAs(JsonNode familySummary, long asn) {
        return familySummary.path("as").asLong() == asn;
    }

    private static boolean isEstablished(JsonNode familySummary, String peer) {
        return familySummary.path("peers").path(peer).path("state").asText().equals("Established");
    }

    /** Dual stack from the start: a local CIDR cannot be added to an existing L3VNI. */
    private static String l3vni(int vni, long asn) {
        return """
                vni = %d
                hostsession.asn = %d
                hostsession.hostasn = %d
                hostsession.localcidr.ipv4 = 192.169.10.0/24
                hostsession.localcidr.ipv6 = 2001:db8:10::/64
                """.formatted(vni, asn, EvpnFabric.SPEAKER_ASN);
    }

    @Test
    @Order(9)
    void hostsBehindTheAutocreatedBridgesShareOneSubnetAndTheAnycastGateway() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(L2VNI, l2vni());
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

    private static String l2vni() {
        return """
                vni = 110
                vrf = red
                hostmaster.autocreate = true
                l2gatewayip = %s/24
                """.formatted(GATEWAY);
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
    @Order(10)
    void updatingOrRefreshingAVniPluginRecreatesNoDeviceAndResetsNoSession() throws InterruptedException {
        OpenPeNode node = nodes.get(0);
        for (String plugin : List.of("org.openpe.l3vni", "org.openpe.l2vni")) {
            Map<String, String> devicesBefore = vniDevices(0);
            Map<String, Long> uptimesBefore = sessionUptimes(0);
            long measuredBefore = System.currentTimeMillis();

            node.client("bundle:update " + plugin, "bundle:refresh " + plugin);
            Thread.sleep(PLUGIN_RETURN_GRACE.toMillis());
            awaitStatus(node, "l3vni", "red", "Applied");
            awaitStatus(node, "l2vni", "red110", "Applied");
            node.client("openpe:reconcile");

            assertEquals(devicesBefore, vniDevices(0), "VNI devices (name=ifindex) of node 0 after bundle:update/refresh of "
                    + plugin + ": an index that changed is a recreated device");
            assertNoSessionReset(uptimesBefore, measuredBefore, "bundle:update/refresh of " + plugin);
        }
    }

    /** Every session of node 0 Established before is still up and aged at least by the time elapsed since. */
    private static void assertNoSessionReset(Map<String, Long> uptimesBefore, long measuredBefore, String by) {
        long elapsed = System.currentTimeMillis() - measuredBefore;
        Map<String, Long> uptimesAfter = sessionUptimes(0);
        for (Map.Entry<String, Long> before : uptimesBefore.entrySet()) {
            long after = uptimesAfter.getOrDefault(before.getKey(), -1L);
            // FRR counts whole seconds.
            assertTrue(after >= before.getValue() + elapsed - 3000, "node 0's BGP session " + before.getKey()
                    + " was reset by " + by + ": uptime " + before.getValue() + " ms, then " + after + " ms " + elapsed
                    + " ms later (-1: not Established)");
        }
    }

    @Test
    @Order(11)
    void uninstallingTheL2vniFeatureRemovesItsDevicesAndInstallingItBringsThemBack() {
        OpenPeNode node = nodes.get(0);
        ScratchNamespace host = fabric.hosts.get(0);
        Map<String, String> l3Devices = withoutL2vni(vniDevices(0));

        node.client("feature:uninstall openpe-l2vni");
        awaitStatus(node, "l2vni", "red110", "Unsupported");
        Eventually.await("node 0 without the L2VNI's devices " + L2VNI_ROUTER_DEVICES + " / " + L2VNI_HOST_DEVICES,
                CONVERGE, () -> vniDevices(0).keySet(), names -> names.stream().noneMatch(this::isL2vniDevice));
        awaitStatus(node, "l3vni", "red", "Applied");
        assertEquals(l3Devices, vniDevices(0), "the L3VNI's devices (name=ifindex) of node 0 after feature:uninstall"
                + " openpe-l2vni: the L3VNI must keep them untouched");

        node.client("feature:install openpe-l2vni");
        awaitStatus(node, "l2vni", "red110", "Applied");
        Eventually.await("node 0 with the L2VNI's devices " + L2VNI_ROUTER_DEVICES + " / " + L2VNI_HOST_DEVICES + " again",
                CONVERGE, () -> vniDevices(0).keySet(), names -> names.stream().filter(this::isL2vniDevice).count()
                        == L2VNI_ROUTER_DEVICES.size() + L2VNI_HOST_DEVICES.size());
        assertEquals(l3Devices, withoutL2vni(vniDevices(0)), "the L3VNI's devices (name=ifindex) of node 0 after"
                + " feature:install openpe-l2vni: the L3VNI must keep them untouched");

        // The recreated br-hs-110 is a new bridge: plug the L2 host back in and check the data plane.
        host.ip("link", "set", "wl0", "master", "br-hs-110");
        String ping = Eventually.await("the L2 host of node 0 to reach that of node 1 after reinstalling the L2VNI plugin",
                CONVERGE, () -> l2Hosts.get(0).exec("ping", "-c", "3", "-W", "2", l2Address(1)).output(),
                out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
    }

    private boolean isL2vniDevice(String key) {
        String name = key.substring(key.indexOf('/') + 1);
        return L2VNI_ROUTER_DEVICES.contains(name) || L2VNI_HOST_DEVICES.contains(name);
    }

    private Map<String, String> withoutL2vni(Map<String, String> devices) {
        Map<String, String> rest = new TreeMap<>(devices);
        rest.keySet().removeIf(this::isL2vniDevice);
        return rest;
    }

    /** The VNI devices of node {@code index} as {@code router/<name>} or {@code host/<name>} to their ifindex. */
    private static Map<String, String> vniDevices(int index) {
        Map<String, String> devices = new TreeMap<>();
        for (Map.Entry<String, ScratchNamespace> side : Map.of("router", router(index), "host", fabric.hosts.get(index))
                .entrySet()) {
            Matcher line = VNI_DEVICE.matcher(side.getValue().ip("-o", "link", "show"));
            while (line.find()) {
                devices.put(side.getKey() + "/" + line.group(2), line.group(1));
            }
        }
        return devices;
    }

    /** Uptime (ms) of node {@code index}'s Established sessions: the VRF's host sessions and the underlay's. */
    private static Map<String, Long> sessionUptimes(int index) {
        Map<String, Long> uptimes = new TreeMap<>();
        JsonNode vrf = vrfSummary(index);
        collectUptimes(uptimes, "vrf red", vrf.path("ipv4Unicast"));
        collectUptimes(uptimes, "vrf red", vrf.path("ipv6Unicast"));
        collectUptimes(uptimes, "underlay", EvpnFabric.json(routerFrr(index), "show bgp summary json").path("ipv4Unicast"));
        return uptimes;
    }

    private static void collectUptimes(Map<String, Long> uptimes, String instance, JsonNode familySummary) {
        familySummary.path("peers").fields().forEachRemaining(peer -> {
            if (peer.getValue().path("state").asText().equals("Established")) {
                uptimes.put(instance + " " + peer.getKey(), peer.getValue().path("peerUptimeMsec").asLong());
            }
        });
    }

    private static void awaitStatus(OpenPeNode node, String type, String name, String status) {
        node.awaitState(type, name, status, CONVERGE);
    }

    @Test
    @Order(12)
    void uninstallingTheL3vniFeatureRemovesItsDevicesAndVrfInstanceAndInstallingItBringsThemBack() {
        OpenPeNode node = nodes.get(0);
        enableFrrDebugs(0);
        Map<String, String> l2Devices = onlyL2vni(vniDevices(0));

        node.client("feature:uninstall openpe-l3vni");
        awaitStatus(node, "l3vni", "red", "Unsupported");
        Eventually.await("node 0 without the L3VNI's devices " + L3VNI_DEVICES, CONVERGE, () -> vniDevices(0).keySet(),
                names -> names.stream().noneMatch(L3VNI_DEVICES::contains));
        Eventually.await("node 0's FRR without the BGP instance and VNI of vrf red", CONVERGE,
                () -> routerFrr(0).vtysh("show running-config"),
                running -> !running.contains(" vrf red\n") && !running.contains(" vni 300\n"));
        awaitStatus(node, "l2vni", "red110", "Applied");
        assertEquals(l2Devices, onlyL2vni(vniDevices(0)), "the L2VNI's devices (name=ifindex) of node 0 after"
                + " feature:uninstall openpe-l3vni: the L2VNI (and its VRF red) must stay untouched");

        node.client("feature:install openpe-l3vni");
        awaitStatus(node, "l3vni", "red", "Applied");
        enableFrrDebugs(0); // again: frr-reload drops debug lines the rendered configuration lacks
        Eventually.await("node 0 with the L3VNI's devices " + L3VNI_DEVICES + " again", CONVERGE,
                () -> vniDevices(0).keySet(), names -> names.containsAll(L3VNI_DEVICES));
        assertEquals(l2Devices, onlyL2vni(vniDevices(0)), "the L2VNI's devices (name=ifindex) of node 0 after"
                + " feature:install openpe-l3vni");
        writeHostSessionDiagnostics(0, "after-l3vni-reinstall");
    }

    @Test
    @Order(13)
    void hostSessionsAndPingComeBackAfterTheL3vniPluginWasReinstalled() {
        List<String> hostSide = EvpnFabric.hostSide(0);
        try {
            Eventually.await("node 0's recreated vrf red instance with its host sessions Established",
                    SESSIONS_AFTER_RESET, () -> vrfSummary(0),
                    summary -> isEstablished(summary.path("ipv4Unicast"), hostSide.get(0))
                            && isEstablished(summary.path("ipv6Unicast"), hostSide.get(1)));
        } catch (AssertionError e) {
            Path file = writeHostSessionDiagnostics(0, "host-sessions-not-back");
            throw withDiagnostics(new AssertionError(e.getMessage() + "\n(both sides' BGP, NHT, interfaces, addresses"
                    + " and neighbours in " + file + ", their FRR logs next to it)", e), 0);
        } finally {
            copyFrrLogs(0);
        }
        String ping = Eventually.await("workload 0 to reach workload 1 after reinstalling the L3VNI plugin", CONVERGE,
                () -> pingWorkload(EvpnFabric.workload(0), EvpnFabric.workload(1)), out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
        System.out.println("node 0's repairs of addresses zebra lost (FRR#13630): "
                + nodes.get(0).logLines("zebra lost it"));
    }

    /** FRR's debugs of sessions, next-hop tracking and zebra's interface events, in node {@code index}'s FRR and its host speaker's. */
    private static void enableFrrDebugs(int index) {
        for (FrrInstance frr : List.of(fabric.speakers.get(index), routerFrr(index))) {
            try {
                frr.vtysh("configure terminal", "debug bgp neighbor-events", "debug bgp nht", "debug bgp zebra",
                        "debug zebra events", "debug zebra nht");
            } catch (RuntimeException e) {
                System.err.println("no FRR debugs: " + e.getMessage());
            }
        }
    }

    /**
     * Writes both ends of node {@code index}'s host sessions as seen by the host speaker and by the node's FRR (vrf red):
     * sessions with their last reset, next-hop tracking, the veth legs, addresses (tentative?), neighbours and sockets.
     *
     * @return the file, in the tier's report directory
     */
    private static Path writeHostSessionDiagnostics(int index, String label) {
        StringBuilder out = new StringBuilder();
        FrrInstance speaker = fabric.speakers.get(index);
        ScratchNamespace host = fabric.hosts.get(index);
        for (String command : List.of("show bgp vrf all neighbors", "show ip nht vrf all", "show ipv6 nht vrf all",
                "show bgp nexthop", "show interface host-300", "show ip route", "show ipv6 route")) {
            out.append(section("host speaker " + index + ": " + command, () -> speaker.vtysh(command)));
        }
        for (List<String> command : List.of(List.of("ip", "-d", "addr"), List.of("ip", "neigh"), List.of("ip", "-6", "neigh"),
                List.of("ip", "route"), List.of("ss", "-tanpe"))) {
            out.append(section("host " + index + ": " + String.join(" ", command),
                    () -> host.exec(command.toArray(String[]::new)).output()));
        }
        FrrInstance router = routerFrr(index);
        for (String command : List.of("show bgp vrf red neighbors", "show ip nht vrf red", "show ipv6 nht vrf red",
                "show bgp vrf red nexthop", "show interface vrf red", "show running-config")) {
            out.append(section("node " + index + "'s FRR: " + command, () -> router.vtysh(command)));
        }
        ScratchNamespace routerNs = router(index);
        for (List<String> command : List.of(List.of("ip", "-d", "addr"), List.of("ip", "neigh"), List.of("ip", "-6", "neigh"),
                List.of("ip", "route", "show", "vrf", "red"), List.of("ip", "-6", "route", "show", "vrf", "red"),
                List.of("ss", "-tanpe"))) {
            out.append(section("router namespace " + index + ": " + String.join(" ", command),
                    () -> routerNs.exec(command.toArray(String[]::new)).output()));
        }
        Path file = reportsDir().resolve("diagnostics-node" + index + "-" + label + ".txt");
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
        return file;
    }

    private static String section(String title, java.util.function.Supplier<String> output) {
        String text;
        try {
            text = output.get();
        } catch (RuntimeException e) {
            text = "unavailable: " + e.getMessage();
        }
        return "===== " + java.time.Instant.now() + " " + title + "\n" + text + "\n";
    }

    /** Copies the FRR logs of node {@code index} and of its host speaker to the tier's report directory. */
    private static void copyFrrLogs(int index) {
        for (Map.Entry<String, String> pathspace : Map.of("speaker" + index, fabric.hosts.get(index).name(),
                "node" + index, routerNamespaces.get(index)).entrySet()) {
            Path dir = Path.of("/var/log/frr", pathspace.getValue());
            try (var logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                    Files.copy(log, reportsDir().resolve("frr-" + pathspace.getKey() + "-" + log.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                System.err.println("no FRR logs of " + pathspace + ": " + e);
            }
        }
    }

    private static Path reportsDir() {
        return Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    private Map<String, String> onlyL2vni(Map<String, String> devices) {
        Map<String, String> l2 = new TreeMap<>(devices);
        l2.keySet().removeIf(key -> !isL2vniDevice(key) && !key.equals("router/red"));
        return l2;
    }

    /** A bad version of a file, what its rejection says, and the version in force to write back. */
    private record BadEdit(String file, String type, String name, String content, String rejection, String inForce) {}

    @Test
    @Order(14)
    void badEditsAreRejectedWhileTheVersionsInForceStayApplied() throws IOException {
        OpenPeNode node = nodes.get(0);
        String underlay = underlay(EDITED_UNDERLAY_ASN);
        String l3vni = l3vni(300, EDITED_HOST_SESSION_ASN);
        List<BadEdit> edits = List.of(
                new BadEdit(UNDERLAY, "underlay", "fabric", underlay.replace("neighbors.0.asn = 64512", "neighbors.0.asn = 64512x"),
                        "'neighbors.0.asn' = '64512x'", underlay),
                new BadEdit(UNDERLAY, "underlay", "fabric", "asn = 64516\nnics = toswitch\nneighbors.0.as", "neighbors.0",
                        underlay),
                new BadEdit(UNDERLAY, "underlay", "fabric", underlay + "neighbors.0.password = two words\n",
                        "'neighbors.0.password'", underlay),
                new BadEdit(L3VNI, "l3vni", "red", l3vni.replace("vni = 300", "vni = 110"),
                        "'vni' = 110 is already used by l2vni red110", l3vni));
        for (BadEdit edit : edits) {
            Map<String, String> devicesBefore = vniDevices(0);
            Map<String, Long> uptimesBefore = sessionUptimes(0);
            long measuredBefore = System.currentTimeMillis();

            node.writeConfig(edit.file(), edit.content());
            Eventually.await(edit.type() + " " + edit.name() + " rejected with " + edit.rejection(), CONVERGE,
                    () -> listed(node, edit.type(), edit.name()), r -> r.path("rejection").asText().contains(edit.rejection())
                            && r.path("state").asText().equals("Applied"));
            node.client("openpe:reconcile");
            assertEquals(devicesBefore, vniDevices(0), "VNI devices (name=ifindex) of node 0 after the bad edit "
                    + edit.content() + ": an index that changed is a recreated device");
            assertNoSessionReset(uptimesBefore, measuredBefore, "the bad edit " + edit.content());

            node.writeConfig(edit.file(), edit.inForce());
            Eventually.await(edit.type() + " " + edit.name() + " applied again", CONVERGE,
                    () -> listed(node, edit.type(), edit.name()), r -> !r.has("rejection") && r.path("state").asText()
                            .equals("Applied") && r.path("generation").asLong() == r.path("appliedGeneration").asLong());
        }
    }

    /** The resource's row of {@code openpe:list --json} on {@code node} (empty when it is not listed). */
    private static JsonNode listed(OpenPeNode node, String type, String name) {
        String out = node.client("openpe:list --json");
        JsonNode rows;
        try {
            rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.substring(out.indexOf('[')));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("openpe:list --json did not answer JSON: " + out, e);
        }
        for (JsonNode row : rows) {
            if (row.path("type").asText().equals(type) && row.path("name").asText().equals(name)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    // Issue 18: route targets, MTU, graceful restart, two ToRs with ECMP, iBGP.

    private static final String EXPORT_RT = "65000:300";
    private static final String L2_RT = "65000:110";
    private static final String GRACEFUL_RESTART = "gracefulRestart.restartTimeSeconds = 120\n";
    /** Both sides of the overhead of VXLAN over IPv4 (outer Ethernet 14, IPv4 20, UDP 8, VXLAN 8). */
    private static final int VXLAN_OVERHEAD = 50;
    /**
     * Without graceful restart (step 8) a ping across the VXLAN is lost from the kill until every session is
     * back and the routes are learned again. With it the peers keep the node's routes (F bit) and zebra the
     * killed bgpd's, so what is left is the blink when the new bgpd has its sessions back and FRR 8.4's
     * zebra sweeps its stale routes just before the re-sent ones are installed (about a second on the host,
     * see GracefulRestartSessionTest): at most a quarter of the baseline.
     */
    /**
     * Graceful restart keeps the routes (the peers and the kernel keep them), but FRR 8.4's zebra drops the
     * EVPN forwarding state (remote VTEPs, MACs) the moment bgpd dies, graceful restart or not, so the VXLAN
     * path is down until the new bgpd has relearned it: measured 4.0 s with it against 4.4 s without on an idle
     * machine, 8.6 and 25.6 s against 55.6 and 56.2 s under load. What is asserted: never worse than without
     * it (this margin for the ping's own jitter), and back within {@link #GRACEFUL_RESTART_MAX_LOSS}.
     */
    private static final int GRACEFUL_RESTART_LOSS_MARGIN_PINGS = 10;
    private static final Duration GRACEFUL_RESTART_MAX_LOSS = Duration.ofSeconds(60);

    /** FRR's own RT of VNI 300 in the underlay's AS, kept in the exports so that importers not yet changed keep importing. */
    private static final String AUTO_RT = EDITED_UNDERLAY_ASN + ":300";

    private static String l3vniWithRouteTargets() {
        return l3vni(300, EDITED_HOST_SESSION_ASN) + "importRTs = 64512:100, " + EXPORT_RT + "\nexportRTs = " + AUTO_RT + ", "
                + EXPORT_RT + "\n";
    }

    /** Exports first (every node), then imports: no node ever drops a route a peer still exports under the old RT. */
    @Test
    @Order(15)
    void configuredRouteTargetsReachTheLeafAndTheLeafsRouteIsImportedByItsRouteTarget() throws IOException {
        String exportsOnly = l3vni(300, EDITED_HOST_SESSION_ASN) + "exportRTs = " + AUTO_RT + ", " + EXPORT_RT + "\n";
        for (OpenPeNode node : nodes) {
            node.writeConfig(L3VNI, exportsOnly);
        }
        for (int i = 0; i < 2; i++) {
            String key = "[5]:[0]:[32]:[" + EvpnFabric.workload(i) + "]";
            Eventually.await("the leaf to hold " + key + " with RT:" + EXPORT_RT, CONVERGE,
                    () -> findRoute(EvpnFabric.json(fabric.leafFrr, "show bgp l2vpn evpn route type prefix json"), key),
                    r -> r.contains("RT:" + EXPORT_RT));
        }
        for (OpenPeNode node : nodes) {
            node.writeConfig(L3VNI, l3vniWithRouteTargets());
            node.writeConfig(L2VNI, l2vni() + "importRTs = " + L2_RT + "\nexportRTs = " + L2_RT + "\n");
        }
        for (int i = 0; i < 2; i++) {
            String key = "[5]:[0]:[32]:[" + EvpnFabric.workload(i) + "]";
            String route = Eventually.await("the leaf to hold " + key + " with RT:" + EXPORT_RT, CONVERGE,
                    () -> findRoute(EvpnFabric.json(fabric.leafFrr, "show bgp l2vpn evpn route type prefix json"), key),
                    r -> r.contains("RT:" + EXPORT_RT));
            System.out.println("[issue 18] the leaf's " + key + ": " + route);
            String multicast = "[3]:[0]:[32]:[" + VTEPS[i] + "]";
            Eventually.await("the leaf to hold " + multicast + " with RT:" + L2_RT, CONVERGE,
                    () -> findRoute(EvpnFabric.json(fabric.leafFrr, "show bgp l2vpn evpn route type multicast json"), multicast),
                    r -> r.contains("RT:" + L2_RT));
            // the leaf's own route carries its automatic RT 64512:100, one of the configured imports
            Pattern leafRoute = Pattern.compile("(?m)^" + Pattern.quote(EvpnFabric.LEAF_PREFIX.replace("/32", ""))
                    + " (nhid \\d+ )?via " + Pattern.quote(EvpnFabric.LEAF_VTEP) + " dev ");
            ScratchNamespace router = router(i);
            Eventually.await("node " + i + "'s vrf red to import " + EvpnFabric.LEAF_PREFIX + " by RT 64512:100", CONVERGE,
                    () -> router.ip("route", "show", "vrf", "red"), out -> leafRoute.matcher(out).find());
        }
        // FRR 8.4 loses the other VTEP's router MAC when an L3VNI's route targets change live (README, known
        // defects): what the data plane does before the operator's remedy is recorded, then the remedy, resetting
        // the nodes' fabric sessions, comes before the data plane check
        String beforeRemedy = pingWorkload(EvpnFabric.workload(0), EvpnFabric.workload(1));
        System.out.println("[issue 18] right after the live route-target change, before any reset: "
                + beforeRemedy.lines().filter(l -> l.contains("packet loss")).findFirst().orElse(beforeRemedy)
                + "; node 0's RMACs: " + routerFrr(0).vtysh("show evpn rmac vni all").replace('\n', ' '));
        for (int i = 0; i < 2; i++) {
            fabric.leafFrr.vtysh("clear bgp " + EvpnFabric.nodeAddress(i));
        }
        try {
            Eventually.await("workload 0 to reach workload 1 with the configured route targets", CONVERGE,
                    () -> pingWorkload(EvpnFabric.workload(0), EvpnFabric.workload(1)), out -> out.contains(" 0% packet loss"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n(both nodes' vrf red, EVPN routes, RMACs and next hops in "
                    + writeEvpnDiagnostics("route-targets") + ")", e);
        }
        String l2 = Eventually.await("the L2 hosts to reach each other with the configured route targets", CONVERGE,
                () -> l2Hosts.get(0).exec("ping", "-c", "3", "-W", "2", l2Address(1)).output(), out -> out.contains(" 0% packet loss"));
        assertTrue(l2.contains(" 0% packet loss"), l2);
    }

    /** Both nodes' routes of vrf red, their EVPN type-5 routes, RMACs and next hops, and the speakers' routes, to a report file. */
    private static Path writeEvpnDiagnostics(String label) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            FrrInstance frr = routerFrr(i);
            for (String command : List.of("show bgp l2vpn evpn route type prefix", "show evpn rmac vni all",
                    "show evpn next-hops vni all", "show bgp vrf red ipv4 unicast", "show running-config")) {
                out.append(section("node " + i + "'s FRR: " + command, () -> frr.vtysh(command)));
            }
            ScratchNamespace routerNs = router(i);
            out.append(section("router namespace " + i + ": ip route show vrf red", () -> routerNs.ip("route", "show", "vrf", "red")));
            out.append(section("router namespace " + i + ": ip neigh", () -> routerNs.ip("neigh")));
            FrrInstance speaker = fabric.speakers.get(i);
            out.append(section("host speaker " + i + ": show ip route", () -> speaker.vtysh("show ip route")));
        }
        Path file = reportsDir().resolve("diagnostics-evpn-" + label + ".txt");
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
        return file;
    }

    @Test
    @Order(16)
    void vniDevicesTakeTheNicsMtuLessTheVxlanOverhead() {
        int nicMtu = mtus(router(0)).get("toswitch");
        Map<String, Integer> routerMtus = mtus(router(0));
        Map<String, Integer> hostMtus = mtus(fabric.hosts.get(0));
        Map<String, Integer> vniDevices = new TreeMap<>();
        for (String device : List.of("br-pe-300", "vni300", "pe-300", "br-pe-110", "vni110", "pe-110")) {
            vniDevices.put("router/" + device, routerMtus.get(device));
        }
        for (String device : List.of("host-300", "host-110")) {
            vniDevices.put("host/" + device, hostMtus.get(device));
        }
        System.out.println("[issue 18] node 0: NIC toswitch mtu " + nicMtu + ", VNI devices " + vniDevices);
        vniDevices.forEach((device, mtu) -> assertEquals(nicMtu - VXLAN_OVERHEAD, mtu,
                device + "'s MTU behind toswitch's " + nicMtu + ": " + vniDevices));
    }

    /** The MTU of every device of a namespace, by name. */
    private static Map<String, Integer> mtus(ScratchNamespace namespace) {
        Map<String, Integer> mtus = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^\\d+: ([^:@\\s]+)[@:].*? mtu (\\d+)").matcher(namespace.ip("-o", "link", "show"));
        while (line.find()) {
            mtus.put(line.group(1), Integer.parseInt(line.group(2)));
        }
        return mtus;
    }

    @Test
    @Order(17)
    void withGracefulRestartPingAcrossTheVxlanGoesOnThroughAKilledBgpd() throws Exception {
        OpenPeNode node = nodes.get(0);
        node.writeConfig(UNDERLAY, underlay(EDITED_UNDERLAY_ASN) + GRACEFUL_RESTART);
        Eventually.await("node 0's FRR with graceful restart", CONVERGE, () -> routerFrr(0).vtysh("show running-config"),
                running -> running.contains(" bgp graceful-restart\n") && running.contains(" bgp graceful-restart preserve-fw-state\n"));
        // negotiated in the OPEN: reset the sessions from the other side (OpenPE resets none for it)
        String nodeAddress = EvpnFabric.nodeAddress(0);
        fabric.leafFrr.vtysh("clear bgp " + nodeAddress);
        fabric.speakers.get(0).vtysh("clear bgp *");
        String routerSide = EvpnFabric.ROUTER_SIDE.get(0);
        Eventually.await("the leaf and host speaker 0 to see node 0 restart-capable", SESSIONS_AFTER_RESET,
                () -> remoteGrMode(fabric.leafFrr, nodeAddress) + "/" + remoteGrMode(fabric.speakers.get(0), routerSide),
                modes -> modes.equals("Restart/Restart"));
        Eventually.await("node 0's host session Established again", SESSIONS_AFTER_RESET, () -> vrfSummary(0),
                summary -> isEstablished(summary.path("ipv4Unicast"), EvpnFabric.hostSide(0).get(0)));

        PingDuringRestart.Loss loss;
        List<String> leafDeletions;
        List<String> nodeDeletions;
        try (PingDuringRestart ping = pingAcrossVxlan(); RouteMonitor leafRoutes = RouteMonitor.start(fabric.leaf);
                RouteMonitor nodeRoutes = RouteMonitor.start(router(0))) {
            killBgpdAndAwaitItsSessions(0);
            Eventually.await("the leaf's session to node 0 Established again", SESSIONS_AFTER_RESET,
                    () -> EvpnFabric.json(fabric.leafFrr, "show bgp neighbors " + nodeAddress + " json").path(nodeAddress)
                            .path("bgpState").asText(), "Established"::equals);
            ping.awaitMoreReplies(10, "ping replies after bgpd of node 0 restarted with graceful restart");
            loss = ping.stop();
            leafDeletions = leafRoutes.stopAndListDeletionsOf(EvpnFabric.workload(0));
            nodeDeletions = nodeRoutes.stopAndListDeletionsOf(EvpnFabric.workload(1));
        } finally {
            copyFrrLogs(0);
        }
        // the routes survive the restart on both sides: the leaf keeps node 0's (helper), node 0's zebra keeps bgpd's
        assertEquals(List.of(), leafDeletions, "the leaf's kernel removed node 0's workload route during the restart");
        assertEquals(List.of(), nodeDeletions, "node 0's kernel removed the route to workload 1 during the restart");
        System.out.println("[issue 18] kill -9 of node 0's bgpd, ping workload 0 -> workload 1 across the VXLAN every "
                + PingDuringRestart.INTERVAL.toMillis() + " ms: with graceful restart " + loss + "; without (step 8) "
                + lossWithoutGracefulRestart);
        assertTrue(lossWithoutGracefulRestart != null && lossWithoutGracefulRestart.lost() > 0,
                "step 8 measured no baseline loss: " + lossWithoutGracefulRestart);
        assertTrue(loss.lost() <= lossWithoutGracefulRestart.lost() + GRACEFUL_RESTART_LOSS_MARGIN_PINGS,
                "with graceful restart " + loss + ", more than the " + lossWithoutGracefulRestart + " without it");
        assertTrue(loss.lostMillis() <= GRACEFUL_RESTART_MAX_LOSS.toMillis(), "with graceful restart " + loss
                + ", more than " + GRACEFUL_RESTART_MAX_LOSS.toSeconds() + " s");
    }

    private static String remoteGrMode(FrrInstance frr, String neighbor) {
        return EvpnFabric.json(frr, "show bgp neighbors " + neighbor + " json").path(neighbor).path("gracefulRestartInfo")
                .path("remoteGrMode").asText();
    }

    @Test
    @Order(18)
    void twoTorsCarryEcmpAndTheSecondNicGoesBackWithItsAddressesWhileTheFirstSessionStaysUp() throws IOException {
        fabric.addSecondTor(0);
        OpenPeNode node = nodes.get(0);
        String oneTor = underlay(EDITED_UNDERLAY_ASN) + GRACEFUL_RESTART;
        node.writeConfig(UNDERLAY, oneTor.replace("nics = toswitch\n", "nics = toswitch,toswitch2\n") + """
                neighbors.1.asn = %d
                neighbors.1.address = %s
                neighbors.1.connectTime = 2s
                """.formatted(EvpnFabric.SECOND_LEAF_ASN, EvpnFabric.SECOND_LEAF_ADDRESS));
        String secondNic = EvpnFabric.secondNicAddress(0) + "/24";
        Eventually.await("toswitch2 moved into node 0's router namespace with " + secondNic, CONVERGE,
                () -> router(0).ip("-o", "addr", "show"), out -> out.contains(" toswitch2 ") && out.contains(secondNic));
        Eventually.await("node 0's sessions to both ToRs Established", SESSIONS_AFTER_RESET,
                () -> EvpnFabric.json(routerFrr(0), "show bgp summary json").path("ipv4Unicast"),
                family -> isEstablished(family, EvpnFabric.LEAF_ADDRESS) && isEstablished(family, EvpnFabric.SECOND_LEAF_ADDRESS));
        String ecmp = Eventually.await("node 0's kernel route to " + EvpnFabric.BOTH_LEAVES_PREFIX + " over both ToRs", CONVERGE,
                () -> router(0).ip("route", "show", EvpnFabric.BOTH_LEAVES_PREFIX),
                out -> out.contains("nexthop via " + EvpnFabric.LEAF_ADDRESS) && out.contains("nexthop via " + EvpnFabric.SECOND_LEAF_ADDRESS));
        System.out.println("[issue 18] node 0's route over two ToRs: " + ecmp.strip().replace('\n', ' '));

        Map<String, Long> uptimesBefore = sessionUptimes(0);
        uptimesBefore.remove("underlay " + EvpnFabric.SECOND_LEAF_ADDRESS);
        long measuredBefore = System.currentTimeMillis();
        node.writeConfig(UNDERLAY, oneTor);
        ScratchNamespace host = fabric.hosts.get(0);
        Eventually.await("toswitch2 handed back to host 0 with " + secondNic, CONVERGE,
                () -> host.ip("-o", "addr", "show"), out -> out.contains(" toswitch2 ") && out.contains(secondNic));
        assertFalse(router(0).ip("-o", "link", "show").contains(": toswitch2"), "toswitch2 left in node 0's router namespace");
        assertTrue(uptimesBefore.containsKey("underlay " + EvpnFabric.LEAF_ADDRESS), "the first ToR's session: " + uptimesBefore);
        assertNoSessionReset(uptimesBefore, measuredBefore, "removing toswitch2 from nics");
    }

    @Test
    @Order(19)
    void ibgpSessionsByTypeEstablishInTheUnderlayAndAsHostSession() throws IOException {
        fabric.addIbgpPeer(EDITED_UNDERLAY_ASN);
        OpenPeNode node = nodes.get(1);
        node.writeConfig(UNDERLAY, underlay(EDITED_UNDERLAY_ASN) + """
                neighbors.1.type = internal
                neighbors.1.address = %s
                neighbors.1.connectTime = 2s
                """.formatted(EvpnFabric.IBGP_PEER_ADDRESS));
        fabric.moveSpeakerToAs(1, EDITED_HOST_SESSION_ASN);
        node.writeConfig(L3VNI, l3vniWithRouteTargets().replace("hostsession.hostasn = " + EvpnFabric.SPEAKER_ASN,
                "hostsession.hosttype = internal"));
        Eventually.await("node 1's iBGP session to " + EvpnFabric.IBGP_PEER_ADDRESS + " Established", SESSIONS_AFTER_RESET,
                () -> EvpnFabric.json(routerFrr(1), "show bgp summary json").path("ipv4Unicast"),
                family -> isEstablished(family, EvpnFabric.IBGP_PEER_ADDRESS) && isEstablished(family, EvpnFabric.LEAF_ADDRESS));
        String nodeAddress = EvpnFabric.nodeAddress(1);
        assertTrue(EvpnFabric.json(fabric.ibgpPeerFrr, "show bgp neighbors " + nodeAddress + " json").path(nodeAddress)
                .path("nbrInternalLink").asBoolean(), "the peer sees node 1 as internal");
        String routerSide = EvpnFabric.ROUTER_SIDE.get(0);
        Eventually.await("node 1's host session (hosttype internal) Established", SESSIONS_AFTER_RESET,
                () -> EvpnFabric.json(fabric.speakers.get(1), "show bgp neighbors " + routerSide + " json").path(routerSide),
                peer -> peer.path("bgpState").asText().equals("Established") && peer.path("nbrInternalLink").asBoolean());
    }

    @Test
    @Order(20)
    void aPureL2VniBridgesTwoHostsOnTwoNodesWithNoVrfAndNoRoute() throws IOException {
        for (OpenPeNode node : nodes) {
            node.writeConfig(PURE_L2VNI, """
                    vni = %d
                    l2only = true
                    hostmaster.autocreate = true
                    """.formatted(PURE_L2_VNI));
        }
        String bridge = "br-hs-" + PURE_L2_VNI;
        List<ScratchNamespace> flatHosts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            awaitStatus(nodes.get(i), "l2vni", "flat", "Applied");
            ScratchNamespace host = fabric.hosts.get(i);
            Eventually.await(bridge + " in host " + i, CONVERGE, () -> host.ip("-o", "link", "show"),
                    out -> out.contains(": " + bridge + ":") && out.contains(": host-" + PURE_L2_VNI + "@"));
            String routerBridge = router(i).ip("-o", "link", "show", "br-pe-" + PURE_L2_VNI);
            assertFalse(routerBridge.contains(" master "), "node " + i + "'s br-pe-" + PURE_L2_VNI + " in a VRF: " + routerBridge);
            ScratchNamespace flatHost = ScratchNamespace.create("evf" + i);
            l2Hosts.add(flatHost);
            flatHosts.add(flatHost);
            host.ip("link", "add", "fl0", "type", "veth", "peer", "name", "eth0", "netns", flatHost.name());
            host.ip("link", "set", "fl0", "master", bridge, "up");
            flatHost.ip("addr", "add", pureL2Address(i) + "/24", "dev", "eth0");
            flatHost.ip("link", "set", "eth0", "up");
        }
        String ping = Eventually.await("a ping between the pure-L2 hosts of node 0 and node 1", CONVERGE,
                () -> flatHosts.get(0).exec("ping", "-c", "3", "-W", "2", pureL2Address(1)).output(),
                out -> out.contains(" 0% packet loss"));
        assertTrue(ping.contains(" 0% packet loss"), ping);
        for (int i = 0; i < 2; i++) {
            int index = i;
            String otherVtep = VTEPS[1 - i];
            JsonNode vni = Eventually.await("node " + i + "'s zebra to flood VNI " + PURE_L2_VNI + " to " + otherVtep, CONVERGE,
                    () -> EvpnFabric.json(routerFrr(index), "show evpn vni " + PURE_L2_VNI + " json"),
                    v -> v.toString().contains("\"" + otherVtep + "\""));
            assertEquals("L2", vni.path("type").asText(), "VNI " + PURE_L2_VNI + " in node " + i + "'s zebra: " + vni);
            assertNotEquals("red", vni.path("tenantVrf").asText(), "VNI " + PURE_L2_VNI + " in node " + i + "'s zebra: " + vni);
            String addresses = router(i).ip("-o", "addr", "show", "dev", "br-pe-" + PURE_L2_VNI);
            assertFalse(addresses.contains(" inet "), "node " + i + " routes on the pure-L2 bridge: " + addresses);
        }
    }

    private static String pureL2Address(int index) {
        return "192.172.30." + (10 + index);
    }

    @Test
    @Order(21)
    void deletingTheVnisLeavesNoVniDeviceBehind() throws IOException {
        for (OpenPeNode node : nodes) {
            node.deleteConfig(PURE_L2VNI);
            node.deleteConfig(L2VNI);
            node.deleteConfig(L3VNI);
        }
        for (int i = 0; i < 2; i++) {
            ScratchNamespace router = ScratchNamespace.adopt(routerNamespaces.get(i));
            Eventually.await("node " + i + "'s router namespace without VNI devices", CONVERGE,
                    () -> router.ip("-o", "link", "show"), out -> !VNI_DEVICE.matcher(out).find());
            String hostLinks = fabric.hosts.get(i).ip("-o", "link", "show");
            assertFalse(VNI_DEVICE.matcher(hostLinks).find(), "VNI devices left in host " + i + ":\n" + hostLinks);
        }
    }

    private static ScratchNamespace router(int index) {
        return ScratchNamespace.adopt(routerNamespaces.get(index));
    }

    private static FrrInstance routerFrr(int index) {
        return FrrInstance.adopt(routerNamespaces.get(index));
    }

    private static JsonNode vrfSummary(int index) {
        return EvpnFabric.json(routerFrr(index), "show bgp vrf red summary json");
    }

    private static String pingWorkload(String from, String to) {
        return fabric.hosts.get(0).exec("ping", "-c", "3", "-W", "2", "-I", from, to).output();
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
