package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;

/**
 * Issue 17 (plan, apply, confirm) in the lab with real FRR, one lab for all steps, in order:
 * {@code openpe:plan} on the converged node finds nothing (exit 0); the plan of a directory with an
 * edit of the passthrough lists its kernel and FRR changes (exit 2) and changes nothing; an invalid
 * directory exits 1 naming the resource, field and value, and {@code openpe:apply} of it writes
 * nothing; {@code openpe:apply --confirm} of a change that cuts the host speaker's session rolls back
 * by itself (the session comes back), also across a restart of the runtime; a confirmed apply stays.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanApplyEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String HOST_PEER = "192.169.10.1";
    private static final String PASSTHROUGH = "org.openpe.l3passthrough-lab.cfg";
    private static final String DUAL_STACK = "hostsession.asn = 64514\nhostsession.hostasn = 64515\n"
            + "hostsession.localcidr.ipv4 = 192.169.10.0/24\nhostsession.localcidr.ipv6 = 2001:db8:10::/64\n";
    /** The host speaker is AS 64515: a session configured for 64599 never comes up. */
    private static final String WRONG_HOST_AS = "hostsession.asn = 64514\nhostsession.hostasn = 64599\n"
            + "hostsession.localcidr.ipv4 = 192.169.10.0/24\n";

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();
    private static Path work;
    private static String originalPassthrough;

    @BeforeAll
    static void start() throws Exception {
        work = appliance.home.resolve("plan-dirs");
        originalPassthrough = Files.readString(appliance.etc().resolve(PASSTHROUGH));
    }

    @Test
    @Order(1)
    void onTheConvergedNodeThePlanIsEmpty() throws Exception {
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
        appliance.awaitAll(2, "Applied", CONVERGE);
        Eventually.await("openpe:plan exits 0 (a pass may still have been under way)", CONVERGE,
                () -> appliance.clientResult("openpe:plan"), r -> r.exitCode() == 0);

        Shell.Result plan = appliance.clientResult("openpe:plan --json");
        assertEquals(0, plan.exitCode(), plan.output());
        JsonNode json = Appliance.json(plan.output());
        assertFalse(json.path("changes").asBoolean(), plan.output());
        assertEquals(0, json.path("kernel").size(), plan.output());
        assertEquals(0, json.path("frr").size(), plan.output());
        assertTrue(appliance.client("openpe:plan").contains("No change."));
    }

    @Test
    @Order(2)
    void thePlanOfAnEditListsItsKernelAndFrrChangesAndChangesNothing() throws Exception {
        Path dir = directory("edit", Map.of(PASSTHROUGH, DUAL_STACK));
        Map<String, String> ifindexes = ifindexes();
        String frrBefore = lab.runningConfig(lab.router);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        String listBefore = appliance.listJson().toString();

        Shell.Result plan = appliance.clientResult("openpe:plan " + dir + " --json");

        assertEquals(2, plan.exitCode(), plan.output());
        JsonNode json = Appliance.json(plan.output());
        assertTrue(json.path("changes").asBoolean(), plan.output());
        JsonNode passthrough = resource(json, "l3passthrough", "lab");
        assertEquals("modify", passthrough.path("action").asText(), plan.output());
        assertTrue(passthrough.path("kernel").toString().contains("add address 2001:db8:10::1/64 to pt-ns in ROUTER"),
                plan.output());
        assertTrue(passthrough.path("frr").toString().contains("neighbor 2001:db8:10::2"), plan.output());
        assertTrue(json.path("resources").size() == 1, "only the passthrough changes: " + plan.output());
        Shell.Result text = appliance.clientResult("openpe:plan " + dir);
        assertEquals(2, text.exitCode(), text.output());
        assertTrue(text.output().contains("l3passthrough lab (modify)"), text.output());

        assertEquals(ifindexes, ifindexes(), "a plan recreated a device");
        assertEquals(frrBefore, lab.runningConfig(lab.router), "a plan changed FRR");
        assertTrue(lab.sessionUptimeMillis(lab.host, HOST_PEER) > hostUptime, "a plan reset the host session");
        assertEquals(listBefore, appliance.listJson().toString(), "a plan changed a resource");
        assertEquals(originalPassthrough, Files.readString(appliance.etc().resolve(PASSTHROUGH)));
    }

    @Test
    @Order(3)
    void anInvalidDirectoryExitsOneNamingResourceFieldAndValueAndApplyWritesNothing() throws Exception {
        Path dir = directory("invalid", Map.of(PASSTHROUGH, DUAL_STACK.replace("hostasn = 64515", "hostasn = 64515x"),
                "org.openpe.l3passthrough-extra.cfg", DUAL_STACK));

        Shell.Result plan = appliance.clientResult("openpe:plan " + dir);
        assertEquals(1, plan.exitCode(), plan.output());
        assertTrue(plan.output().contains("l3passthrough lab") && plan.output().contains("'hostsession.hostasn' = '64515x'"),
                plan.output());

        Shell.Result apply = appliance.clientResult("openpe:apply " + dir);
        assertEquals(1, apply.exitCode(), apply.output());
        assertEquals(originalPassthrough, Files.readString(appliance.etc().resolve(PASSTHROUGH)));
        assertFalse(Files.exists(appliance.etc().resolve("org.openpe.l3passthrough-extra.cfg")), "apply wrote a file");
    }

    @Test
    @Order(4)
    void anUnconfirmedApplyRollsBackByItselfAndTheSessionComesBack() throws Exception {
        Path dir = directory("cut", Map.of(PASSTHROUGH, WRONG_HOST_AS));

        String applied = appliance.client("openpe:apply " + dir + " --confirm 25s");
        assertTrue(applied.contains("taken as one change"), applied);

        JsonNode pending = appliance.statusJson().path("pendingConfirmation");
        assertEquals(dir.toString(), pending.path("appliedFrom").asText(), pending.toString());
        assertTrue(appliance.client("openpe:status").contains("rolls back at " + pending.path("deadline").asText()));
        Eventually.await("the host speaker's session cut by the change", CONVERGE,
                () -> lab.sessionState(lab.host, HOST_PEER), state -> !state.equals("Established"));

        awaitRolledBack("unconfirmed", Instant.parse(pending.path("deadline").asText()));
    }

    @Test
    @Order(5)
    void aConfirmedApplyStaysAndConfirmingNothingSaysSo() throws Exception {
        Path dir = directory("confirmed", Map.of(PASSTHROUGH, DUAL_STACK));

        appliance.client("openpe:apply " + dir + " --confirm 5m");
        assertTrue(appliance.client("openpe:confirm").contains("Confirmed"));

        assertFalse(appliance.statusJson().has("pendingConfirmation"));
        assertEquals(DUAL_STACK, Files.readString(appliance.etc().resolve(PASSTHROUGH)));
        Eventually.await("the dual-stack passthrough applied", CONVERGE,
                () -> lab.in(lab.router, "ip", "-o", "addr", "show", "pt-ns"), a -> a.contains("2001:db8:10::1/64"));
        Shell.Result again = appliance.clientResult("openpe:confirm");
        assertEquals(1, again.exitCode(), again.output());
        assertTrue(again.output().contains("nothing to confirm"), again.output());

        appliance.client("openpe:apply " + directory("original", Map.of(PASSTHROUGH, originalPassthrough)));
        Eventually.await("the original passthrough applied again", CONVERGE,
                () -> lab.in(lab.router, "ip", "-o", "addr", "show", "pt-ns"), a -> !a.contains("2001:db8:10::1/64"));
    }

    @Test
    @Order(6)
    void aPendingConfirmationRollsBackAfterARestartOfTheRuntime() throws Exception {
        Path dir = directory("restart", Map.of(PASSTHROUGH, WRONG_HOST_AS));
        appliance.client("openpe:apply " + dir + " --confirm 75s");
        Eventually.await("the host speaker's session cut by the change", CONVERGE,
                () -> lab.sessionState(lab.host, HOST_PEER), state -> !state.equals("Established"));

        appliance.stop();
        appliance.start();

        JsonNode pending = appliance.statusJson().path("pendingConfirmation");
        assertEquals(dir.toString(), pending.path("appliedFrom").asText(), "the pending confirmation survives a restart");
        awaitRolledBack("unconfirmed across a restart", Instant.parse(pending.path("deadline").asText()));
    }

    /** Waits for the rollback and prints how long after the deadline the files and the session were back. */
    private static void awaitRolledBack(String what, Instant deadline) throws IOException {
        Eventually.await("the previous passthrough file back", Duration.ofSeconds(90),
                () -> readEtc(PASSTHROUGH), originalPassthrough::equals);
        Duration files = Duration.between(deadline, Instant.now());
        awaitSession(lab.host, HOST_PEER, "Established");
        Duration session = Duration.between(deadline, Instant.now());
        assertFalse(appliance.statusJson().has("pendingConfirmation"));
        System.out.printf("[openpe] rollback (%s): files back %.1f s and the host session Established %.1f s after the deadline%n",
                what, files.toMillis() / 1000.0, session.toMillis() / 1000.0);
    }

    private static String readEtc(String file) {
        try {
            return Files.readString(appliance.etc().resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** A copy of etc/'s resource files with {@code replaced} written over them. */
    private static Path directory(String name, Map<String, String> replaced) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        try (var files = Files.list(appliance.etc())) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("org\\.openpe\\.[a-z0-9]+-.*\\.cfg")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> file : replaced.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static Map<String, String> ifindexes() {
        Map<String, String> indexes = new TreeMap<>();
        for (String line : lab.in(lab.router, "ip", "-o", "link").split("\n")) {
            indexes.put(line.split(":")[1].trim(), line.split(":")[0]);
        }
        for (String line : lab.in(lab.host, "ip", "-o", "link").split("\n")) {
            indexes.put("host " + line.split(":")[1].trim(), line.split(":")[0]);
        }
        return indexes;
    }

    private static JsonNode resource(JsonNode plan, String type, String name) {
        for (JsonNode r : plan.path("resources")) {
            if (r.path("type").asText().equals(type) && r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no " + type + " " + name + " in the plan: " + plan);
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }
}
