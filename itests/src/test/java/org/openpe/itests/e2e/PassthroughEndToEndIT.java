package org.openpe.itests.e2e;

import org.openpe.itests.support.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The issue-8 scenario on this kernel with real FRR: the distribution runs inside the lab's host
 * namespace with the lab's underlay and passthrough configuration; the leaf and the host speaker
 * are real FRR instances. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassthroughEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String WORKLOAD = "192.171.0.1/32";
    private static final String LEAF_PREFIX = "192.168.100.1/32";
    private static final String PASSTHROUGH = "org.openpe.l3passthrough-lab.cfg";

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();

    @Test
    @Order(1)
    void sessionsComeUpAndRoutesFlowBothWays() {
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, "192.169.10.1", "Established");
        Eventually.await("the workload route at the leaf", CONVERGE, () -> lab.hasRoute(lab.leaf, WORKLOAD), r -> r);
        Eventually.await("the leaf's prefix at the host speaker", CONVERGE, () -> lab.hasRoute(lab.host, LEAF_PREFIX), r -> r);

        String ping = lab.in(lab.leaf, "ping", "-c", "3", "-W", "2", "-I", "192.168.100.1", "192.171.0.1");
        assertTrue(ping.contains(" 0% packet loss"), ping);

        Eventually.await("openpe:status to show the fabric session Established", CONVERGE,
                () -> appliance.sessionState("192.168.11.2"), "Established"::equals);
        assertEquals("Applied", appliance.state("underlay", "lab"));
        assertEquals("Applied", appliance.state("l3passthrough", "lab"));
    }

    @Test
    @Order(2)
    void reconcilingAgainChangesNothing() {
        String report = appliance.client("openpe:reconcile");

        assertTrue(report.startsWith("Nothing to change."), report);
    }

    @Test
    @Order(3)
    void restartingTheRuntimeResetsNoSessionAndRecreatesNoDevice() throws Exception {
        String vethBefore = lab.in(lab.router, "ip", "-o", "link", "show", "pt-ns").split(":")[0];
        long uptimeBefore = lab.sessionUptimeMillis(lab.leaf, NODE);

        Duration stopped = appliance.stop();
        appliance.start();
        appliance.awaitState("l3passthrough", "lab", "Applied", CONVERGE);

        assertTrue(stopped.toSeconds() < 10, "SIGTERM stop took " + stopped);
        assertEquals(vethBefore, lab.in(lab.router, "ip", "-o", "link", "show", "pt-ns").split(":")[0],
                "pt-ns was recreated");
        long uptimeAfter = lab.sessionUptimeMillis(lab.leaf, NODE);
        assertTrue(uptimeAfter > uptimeBefore, "the leaf's session was reset: uptime " + uptimeBefore + " ms before, "
                + uptimeAfter + " ms after");
    }

    @Test
    @Order(4)
    void editingThePassthroughMovesItsAddresses() throws Exception {
        appliance.writeConfig(PASSTHROUGH, "hostsession.asn = 64514\nhostsession.hostasn = 64515\n"
                + "hostsession.localcidr.ipv4 = 192.169.20.0/24\n");

        Eventually.await("pt-ns to move to 192.169.20.1/24", CONVERGE,
                () -> lab.in(lab.router, "ip", "-o", "addr", "show", "pt-ns"),
                out -> out.contains("192.169.20.1/24") && !out.contains("192.169.10.1/24"));
        String hostSide = lab.in(lab.host, "ip", "-o", "addr", "show", "pt-host");
        assertTrue(hostSide.contains("192.169.20.2/24") && !hostSide.contains("192.169.10.2/24"), hostSide);
        Eventually.await("the router to peer with 192.169.20.2", CONVERGE,
                () -> lab.sessionState(lab.router, "192.169.20.2"), state -> !state.equals("none"));
        assertEquals("none", lab.sessionState(lab.router, "192.169.10.2"));
    }

    @Test
    @Order(5)
    void deletingThePassthroughRemovesItsDevicesAndSession() throws Exception {
        appliance.deleteConfig(PASSTHROUGH);

        Eventually.await("pt-ns to disappear", CONVERGE,
                () -> lab.in(lab.router, "ip", "-o", "link", "show"), out -> !out.contains("pt-ns"));
        assertFalse(lab.in(lab.host, "ip", "-o", "link", "show").contains("pt-host"));
        Eventually.await("the host session to go", CONVERGE,
                () -> lab.sessionState(lab.router, "192.169.20.2"), "none"::equals);
        awaitSession(lab.leaf, NODE, "Established");
    }

    @Test
    @Order(6)
    void deletingTheUnderlayHandsTheNicBackWithItsAddress() throws Exception {
        appliance.deleteConfig("org.openpe.underlay-lab.cfg");

        Eventually.await("toswitch back in the host namespace", CONVERGE,
                () -> lab.in(lab.host, "ip", "-o", "addr", "show"),
                out -> out.contains("toswitch") && out.contains("192.168.11.3/24"));
        assertFalse(lab.in(lab.router, "ip", "-o", "link", "show").contains("toswitch"));
        Eventually.await("the leaf's session to drop", CONVERGE, () -> lab.sessionState(lab.leaf, NODE),
                state -> !state.equals("Established"));
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }
}
