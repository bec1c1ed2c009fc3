package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpe.itests.support.Eventually;

/**
 * Issue 14 on this kernel with real FRR: a bad change never takes the node down. Bad versions of
 * the underlay (a typo, a half-written file, a password with a space, a neighbor FRR refuses) are
 * rejected as candidates while the version in force stays applied: no device is removed or recreated (same
 * ifindex), the leaf's and the host speaker's sessions keep running (their uptimes keep growing),
 * FRR keeps its BGP instance, and status names the rejection. Another resource's edit still
 * applies meanwhile; the version in force survives a restart; fixing the file applies it. The
 * steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastGoodEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    /** The router's address on pt-ns, the host speaker's peer. */
    private static final String HOST_PEER = "192.169.10.1";
    private static final String UNDERLAY = "org.openpe.underlay-lab.cfg";
    private static final String PASSTHROUGH = "org.openpe.l3passthrough-lab.cfg";
    private static final String GOOD_UNDERLAY = "asn = 64514\nnics = toswitch\nneighbors.0.asn = 64512\n"
            + "neighbors.0.address = 192.168.11.2\nneighbors.0.connectTime = 2s\n";

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();
    private static Map<String, String> devices;

    @Test
    @Order(1)
    void theLabConfigurationIsApplied() {
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
        JsonNode underlay = awaitResource("underlay", "lab", r -> r.path("state").asText().equals("Applied"));
        assertEquals(underlay.path("generation").asLong(), underlay.path("appliedGeneration").asLong(), underlay.toString());
        awaitResource("l3passthrough", "lab", r -> r.path("state").asText().equals("Applied"));
        devices = devices();
    }

    @Test
    @Order(2)
    void aTypoInTheUnderlayIsRejectedAndNothingIsTakenDown() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        long applied = appliance.resource("underlay", "lab").path("appliedGeneration").asLong();

        appliance.writeConfig(UNDERLAY, GOOD_UNDERLAY.replace("neighbors.0.asn = 64512", "neighbors.0.asn = 64512x"));

        JsonNode underlay = awaitRejected("underlay", "lab", "'neighbors.0.asn' = '64512x'");
        assertEquals("Applied", underlay.path("state").asText(), underlay.toString());
        assertEquals(applied, underlay.path("appliedGeneration").asLong(), underlay.toString());
        assertEquals(applied + 1, underlay.path("generation").asLong(), underlay.toString());
        assertNothingTakenDown(leafUptime, hostUptime);
    }

    @Test
    @Order(3)
    void anotherResourcesEditStillAppliesMeanwhile() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        appliance.writeConfig(PASSTHROUGH, "hostsession.asn = 64514\nhostsession.hostasn = 64515\n"
                + "hostsession.localcidr.ipv4 = 192.169.10.0/24\nhostsession.localcidr.ipv6 = 2001:db8:10::/64\n");

        JsonNode passthrough = awaitResource("l3passthrough", "lab", r -> r.path("state").asText().equals("Applied")
                && r.path("generation").asLong() == r.path("appliedGeneration").asLong() && r.path("generation").asLong() > 1);
        assertTrue(lab.in(lab.router, "ip", "-o", "addr", "show", "pt-ns").contains("2001:db8:10::1/64"), passthrough.toString());
        assertTrue(appliance.resource("underlay", "lab").has("rejection"), "the underlay's typo is still rejected");
        assertNothingTakenDown(leafUptime, hostUptime);
    }

    @Test
    @Order(4)
    void aHalfWrittenFileAndAPasswordWithASpaceAreRejectedToo() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);

        appliance.writeConfig(UNDERLAY, "asn = 64514\nnics = toswitch\nneighbors.0.as");
        awaitRejected("underlay", "lab", "neighbors.0");
        assertNothingTakenDown(leafUptime, hostUptime);

        appliance.writeConfig(UNDERLAY, GOOD_UNDERLAY + "neighbors.0.password = two words\n");
        JsonNode underlay = awaitRejected("underlay", "lab", "'neighbors.0.password' must be 1..80 printable ASCII");
        assertTrue(!underlay.toString().contains("two words"), "the password must never be shown: " + underlay);
        assertNothingTakenDown(leafUptime, hostUptime);
    }

    @Test
    @Order(5)
    void aNeighborFrrRefusesIsRejectedWithFrrsMessage() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);

        // valid to OpenPE, but the router's own address: bgpd refuses it as a neighbor
        appliance.writeConfig(UNDERLAY, GOOD_UNDERLAY + "neighbors.1.asn = 64513\nneighbors.1.address = " + NODE + "\n");

        JsonNode underlay = awaitRejected("underlay", "lab", "FRR refused it");
        assertEquals("Applied", underlay.path("state").asText(), underlay.toString());
        assertTrue(!lab.runningConfig(lab.router).contains("neighbor " + NODE), "the refused neighbor stayed in FRR");
        assertNothingTakenDown(leafUptime, hostUptime);

        // not tried again on every pass, only after its back-off (30 s); trying again resets nothing either
        long generation = underlay.path("generation").asLong();
        String refusal = "underlay lab: generation " + generation + " rejected, FRR refused it";
        assertEquals(1, refusals(refusal), "tried again before its back-off");
        Eventually.await("the refused underlay to be tried again after its back-off", CONVERGE, () -> refusals(refusal),
                n -> n >= 2);
        assertTrue(!lab.runningConfig(lab.router).contains("neighbor " + NODE), "the refused neighbor stayed in FRR");
        assertNothingTakenDown(leafUptime, hostUptime);
    }

    /** How often the runtime logged this rejection. */
    private static long refusals(String line) {
        try (var lines = Files.lines(appliance.home.resolve("console.log"))) {
            return lines.filter(l -> l.contains(line)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(6)
    void theVersionInForceSurvivesARestartWhileItsCandidateIsRejected() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        appliance.writeConfig(UNDERLAY, GOOD_UNDERLAY.replace("neighbors.0.asn = 64512", "neighbors.0.asn = 64512x"));
        awaitRejected("underlay", "lab", "'neighbors.0.asn' = '64512x'");

        appliance.stop();
        appliance.start();

        JsonNode underlay = awaitRejected("underlay", "lab", "'neighbors.0.asn' = '64512x'");
        assertEquals("Applied", underlay.path("state").asText(), underlay.toString());
        awaitResource("l3passthrough", "lab", r -> r.path("state").asText().equals("Applied"));
        assertEquals("rw-------", versionsInForceFilePermissions());
        assertNothingTakenDown(leafUptime, hostUptime);
    }

    @Test
    @Order(7)
    void fixingTheFileAppliesIt() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        appliance.writeConfig(UNDERLAY, GOOD_UNDERLAY.replace("connectTime = 2s", "connectTime = 3s"));

        JsonNode underlay = awaitResource("underlay", "lab", r -> !r.has("rejection")
                && r.path("generation").asLong() == r.path("appliedGeneration").asLong());
        assertEquals("Applied", underlay.path("state").asText(), underlay.toString());
        Eventually.await("FRR to run the fixed underlay", CONVERGE,
                () -> lab.runningConfig(lab.router),
                out -> out.contains("neighbor 192.168.11.2 timers connect 3"));
        assertEquals(devices, devices(), "a device was recreated");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
    }

    /** The permissions of the file in which the core keeps the versions in force (in the state directory). */
    private static String versionsInForceFilePermissions() throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(
                appliance.home.resolve("state/accepted-resources.json")));
    }

    private static void assertNothingTakenDown(long leafUptime, long hostUptime) {
        assertEquals(devices, devices(), "a device was removed or recreated");
        String frr = lab.runningConfig(lab.router);
        assertTrue(frr.contains("router bgp 64514"), frr);
        awaitSession(lab.leaf, NODE, "Established");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
        assertTrue(lab.sessionUptimeMillis(lab.host, HOST_PEER) > hostUptime, "the host speaker's session was reset");
    }

    /** The ifindex of every device the lab's resources own, by namespace and name. */
    private static Map<String, String> devices() {
        return Map.of("router toswitch", ifindex(lab.router, "toswitch"), "router pt-ns", ifindex(lab.router, "pt-ns"),
                "host pt-host", ifindex(lab.host, "pt-host"));
    }

    private static String ifindex(String namespace, String device) {
        return lab.in(namespace, "ip", "-o", "link", "show", device).split(":")[0];
    }

    private static JsonNode awaitRejected(String type, String name, String reason) {
        return awaitResource(type, name, r -> r.path("rejection").asText().contains(reason)
                && r.path("generation").asLong() != r.path("appliedGeneration").asLong());
    }

    private static JsonNode awaitResource(String type, String name, java.util.function.Predicate<JsonNode> holds) {
        return appliance.awaitResource(type, name, CONVERGE, holds);
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }
}
