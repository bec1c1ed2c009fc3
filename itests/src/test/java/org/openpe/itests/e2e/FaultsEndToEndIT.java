package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;

/**
 * Faults injected against one running lab and appliance, one row of the README's fault table
 * each: the JVM killed during an apply, the state files truncated, an owned device deleted by
 * hand, a foreign device with an owned name, a vtysh change by hand, the router namespace deleted
 * by hand, a full disk under {@code state/}, an FRR apply that hangs, a {@code nodeIndexInterface}
 * address that comes late. Each checks that nothing is lost, that no device is
 * recreated unless the fault removed it, and that the sessions stay (or come back). The steps
 * build on each other, in order; each prints how long recovery took.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final String NODE = "192.168.11.3";
    private static final String HOST_PEER = "192.169.10.1";
    private static final String UNDERLAY_FILE = "org.openpe.underlay-lab.cfg";
    /** FRR's drift check, every 2 minutes in production, shortened so that a repair is seen soon. */
    private static final String DRIFT_CHECK_PROPERTY = "openpe.frr.driftCheckSeconds";
    private static final Duration DRIFT_CHECK = Duration.ofSeconds(10);

    @RegisterExtension
    static final LabRun run = new LabRun("\n" + DRIFT_CHECK_PROPERTY + " = " + DRIFT_CHECK.toSeconds() + "\n");
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();
    private static String underlay;
    private static Path stateMounted;

    @BeforeAll
    static void start() throws Exception {
        underlay = Files.readString(appliance.etc().resolve(UNDERLAY_FILE));
    }

    /** Before the extension stops the appliance: lazily, the tmpfs goes once the runtime has let go of it. */
    @AfterAll
    static void unmountState() {
        if (stateMounted != null) {
            Shell.run("umount", "-l", stateMounted.toString());
        }
    }

    @Test
    @Order(1)
    void theLabComesUp() {
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
        awaitAllApplied();
    }

    @Test
    @Order(2)
    void aJvmKilledDuringAnApplyConvergesAfterItsRestartWithNothingRecreated() throws Exception {
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        Path log = appliance.home.resolve("data/log/karaf.log");
        long logged = Files.size(log);
        // bgpd stopped for a moment holds the pass inside its FRR apply, so that the kill lands there
        String bgpd = bgpdPid();
        Shell.run("kill", "-STOP", bgpd).orFail();
        try {
            appliance.writeConfig(UNDERLAY_FILE, underlay.replace("connectTime = 2s", "connectTime = 3s"));
            Eventually.await("the runtime to read the edit", CONVERGE, () -> logSince(log, logged),
                    text -> text.contains("Updating configuration {org.openpe.underlay~lab}"));
            Thread.sleep(1500); // past the coalescing delay (300 ms): the pass waits for bgpd
            appliance.kill();
        } finally {
            Shell.run("kill", "-CONT", bgpd).orFail();
        }
        assertFalse(logSince(log, logged).contains("reconciled in"), "the pass ended before the kill: "
                + logSince(log, logged));

        long restart = System.nanoTime();
        appliance.start();
        Eventually.await("FRR to run the edited underlay", CONVERGE, () -> lab.runningConfig(lab.router),
                out -> out.contains("neighbor 192.168.11.2 timers connect 3"));
        awaitAllApplied();
        report("kill -9 of the JVM during an apply", restart);
        assertKept(devices, leafUptime);
    }

    @Test
    @Order(3)
    void truncatedStateFilesAreSetAsideWithAWarningAndNothingIsTakenDown() throws Exception {
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        appliance.kill();
        Path state = appliance.home.resolve("state");
        truncate(state.resolve("accepted-resources.json"));
        truncate(state.resolve("moved-nics.json"));

        long restart = System.nanoTime();
        appliance.start();
        awaitAllApplied();
        report("state files truncated", restart);
        assertEquals(devices, devices(), "a device was removed or recreated");
        assertTrue(Files.exists(state.resolve("moved-nics.json.corrupt")));
        String recorded = Files.readString(state.resolve("moved-nics.json"));
        assertTrue(recorded.contains("\"toswitch\"") && recorded.contains("\"IN\""), recorded);
        String log = Files.readString(appliance.home.resolve("data/log/karaf.log"));
        assertTrue(log.contains("WARN") && log.contains("Cannot read " + state.resolve("accepted-resources.json")), log);
        assertTrue(log.contains("cannot read " + state.resolve("moved-nics.json")), log);
        awaitSession(lab.leaf, NODE, "Established");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
        assertTrue(lab.sessionUptimeMillis(lab.host, HOST_PEER) > hostUptime, "the host speaker's session was reset");
    }

    @Test
    @Order(4)
    void anOwnedDeviceDeletedByHandIsRecreatedAndItsSessionComesBack() {
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        lab.in(lab.router, "ip", "link", "delete", "pt-ns");

        long deleted = System.nanoTime();
        appliance.client("openpe:reconcile");
        Eventually.await("pt-ns recreated", CONVERGE, () -> devices().get("router pt-ns"), index -> index != null);
        awaitSession(lab.host, HOST_PEER, "Established");
        report("an owned device (the veth pt-ns) deleted by hand", deleted);
        Map<String, String> now = devices();
        assertFalse(now.get("router pt-ns").equals(devices.get("router pt-ns")), "pt-ns has a new ifindex");
        assertEquals(devices.get("router toswitch"), now.get("router toswitch"), "toswitch was recreated");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
    }

    @Test
    @Order(5)
    void aForeignDeviceWithAnOwnedNameIsNeitherAdoptedNorDeletedAndStatusNamesTheConflict() {
        lab.in(lab.host, "sh", "-c", "ip link delete pt-host && ip link add pt-host type veth peer name pt-foreign");
        String foreign = devices().get("host pt-host");

        long planted = System.nanoTime();
        appliance.client("openpe:reconcile");
        JsonNode passthrough = Eventually.await("the passthrough to name the foreign pt-host", CONVERGE,
                () -> appliance.resource("l3passthrough", "lab"), r -> r.path("reason").asText().contains("pt-host"));
        report("a foreign device with an owned name (pt-host)", planted);
        assertEquals("Failed", passthrough.path("state").asText(), passthrough.toString());
        assertEquals(foreign, devices().get("host pt-host"), "the foreign pt-host was deleted or replaced");
        String link = Shell.run("ip", "-n", lab.host, "-d", "link", "show", "pt-host").output();
        assertFalse(link.contains("group 28528"), "the foreign pt-host was adopted: " + link);
        assertEquals("Applied", appliance.state("underlay", "lab"), "the underlay is untouched");

        lab.in(lab.host, "ip", "link", "delete", "pt-host");
        long removed = System.nanoTime();
        appliance.client("openpe:reconcile");
        awaitAllApplied();
        awaitSession(lab.host, HOST_PEER, "Established");
        report("the foreign pt-host removed: the passthrough back", removed);
    }

    @Test
    @Order(6)
    void aVtyshChangeByHandIsRepairedByTheDriftCheck() {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        Shell.run(List.of("vtysh", "-N", lab.router, "-c", "configure terminal", "-c", "router bgp 64514",
                "-c", "no neighbor 192.168.11.2 timers connect 3")).orFail();
        assertFalse(lab.runningConfig(lab.router).contains("neighbor 192.168.11.2 timers connect 3"));

        long changed = System.nanoTime();
        Eventually.await("the drift check to restore the line", CONVERGE, () -> lab.runningConfig(lab.router),
                out -> out.contains("neighbor 192.168.11.2 timers connect 3"));
        report("a vtysh change by hand (drift check every " + DRIFT_CHECK.toSeconds() + " s)", changed);
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
    }

    @Test
    @Order(7)
    void theRouterNamespaceDeletedByHandGetsItsNameBackWithNothingRecreated() {
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.host, HOST_PEER);
        Shell.run("ip", "netns", "delete", lab.router).orFail();

        long deleted = System.nanoTime();
        String changes = appliance.client("openpe:reconcile");
        assertTrue(changes.contains("give the router namespace " + lab.router + " its name back"), changes);
        report("ip netns delete of the router namespace (then openpe:reconcile)", deleted);
        assertTrue(Shell.run("ip", "netns", "list").output().contains(lab.router));
        assertEquals(devices, devices(), "a device was lost or recreated");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
        assertTrue(lab.sessionUptimeMillis(lab.host, HOST_PEER) > hostUptime, "the host speaker's session was reset");
        awaitAllApplied();
    }

    @Test
    @Order(8)
    void aFullDiskWhenWritingStateLosesNothingIsNamedAndIsRecoveredFromWhenSpaceReturns() throws Exception {
        appliance.kill();
        Path state = appliance.home.resolve("state");
        Path saved = Files.createTempDirectory("openpe-state");
        Shell.run("cp", "-a", state + "/.", saved.toString()).orFail();
        Shell.run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "openpe-e2e-state", state.toString()).orFail();
        stateMounted = state;
        Shell.run("cp", "-a", saved + "/.", state.toString()).orFail();
        appliance.start();
        awaitAllApplied();
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        Shell.run("sh", "-c", "dd if=/dev/zero of=" + state.resolve("filler") + " bs=4k 2>/dev/null; true");

        long full = System.nanoTime();
        appliance.writeConfig(UNDERLAY_FILE, underlay.replace("connectTime = 2s", "connectTime = 4s"));
        Eventually.await("FRR to run the edit", CONVERGE, () -> lab.runningConfig(lab.router),
                out -> out.contains("neighbor 192.168.11.2 timers connect 4"));
        awaitAllApplied();
        String status = Eventually.await("openpe:status to name the full disk", CONVERGE,
                () -> appliance.client("openpe:status --json"), out -> out.contains("No space left on device"));
        assertTrue(status.contains("cannot write " + state.resolve("accepted-resources.json")), status);
        report("disk full when writing state: the edit applied, the error shown", full);

        Files.delete(state.resolve("filler"));
        long freed = System.nanoTime();
        Eventually.await("the versions in force written once space returns", CONVERGE,
                () -> read(state.resolve("accepted-resources.json")), text -> text.contains("4s"));
        Eventually.await("openpe:status without the error", CONVERGE, () -> appliance.client("openpe:status --json"),
                out -> !out.contains("No space left on device"));
        report("disk full: space back, the state written", freed);
        assertKept(devices, leafUptime);
    }

    @Test
    @Order(9)
    void anFrrApplyThatHangsIsBoundedStatusNamesTheDaemonAndTheEditIsAppliedAfterItsRestart() throws Exception {
        String bgpd = bgpdPid();
        Shell.run("kill", "-STOP", bgpd).orFail();
        long stopped = System.nanoTime();
        try {
            appliance.writeConfig(UNDERLAY_FILE, underlay.replace("connectTime = 2s", "connectTime = 5s"));
            String daemon = Eventually.await("openpe:status to name the mute bgpd", CONVERGE, FaultsEndToEndIT::bgpdState,
                    state -> state.startsWith("running (pid " + bgpd + "); not answering vtysh for"));
            report("an FRR apply that hangs (bgpd SIGSTOPped): named in openpe:status", stopped);
            assertEquals("Pending", appliance.state("underlay", "lab"), daemon);
            long asked = System.nanoTime();
            appliance.statusJson();
            assertTrue(System.nanoTime() - asked < Duration.ofSeconds(10).toNanos(), "openpe:status waited for bgpd");

            Eventually.await("bgpd replaced and the edit applied", Duration.ofSeconds(150),
                    () -> lab.runningConfig(lab.router), out -> out.contains("neighbor 192.168.11.2 timers connect 5"));
        } finally {
            Shell.run("kill", "-CONT", bgpd);
        }
        awaitAllApplied();
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
        report("an FRR apply that hangs: bgpd killed at the bound, restarted, the edit applied, sessions back", stopped);
        String daemon = bgpdState();
        assertTrue(daemon.contains("did not answer vtysh for"), daemon);
    }

    @Test
    @Order(10)
    void aNodeIndexInterfaceAddressThatComesLateIsTakenWithoutTouchingAnything() throws Exception {
        lab.in(lab.host, "ip", "link", "add", "idx0", "type", "veth", "peer", "name", "idx1");
        Map<String, String> devices = devices();
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        appliance.writeConfig("org.openpe.node.cfg", "nodeIndexInterface = idx0\nnodeIndexCidr = 10.99.0.0/24\n"
                + "routerNamespace = " + lab.router + "\n");
        Eventually.await("the interface without an address named, the previous node settings in force", CONVERGE,
                FaultsEndToEndIT::nodeRejections,
                // Java lists only interfaces with an address: one without is "no such interface"
                rejections -> rejections.contains("'nodeIndexInterface' = 'idx0': there is no such interface"));
        awaitAllApplied();

        lab.in(lab.host, "ip", "addr", "add", "10.99.0.0/24", "dev", "idx0"); // host part 0: the same index
        long added = System.nanoTime();
        Eventually.await("the late address taken", CONVERGE, FaultsEndToEndIT::nodeRejections, "[]"::equals);
        report("a nodeIndexInterface address that comes late", added);
        assertEquals(0, appliance.statusJson().path("nodeIndex").asInt(-1));
        awaitAllApplied();
        assertKept(devices, leafUptime);
    }

    /** No device recreated (each keeps its ifindex) and the leaf's session not reset. */
    private static void assertKept(Map<String, String> devices, long leafUptime) {
        assertEquals(devices, devices(), "a device was recreated");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
    }

    /** Why the configured node settings are rejected (the previous ones in force), from {@code openpe:status --json}. */
    private static String nodeRejections() {
        return appliance.statusJson().path("nodeRejections").toString();
    }

    /** What {@code openpe:status --json} says of bgpd. */
    private static String bgpdState() {
        return appliance.statusJson().path("frrDaemons").path("bgpd").asText();
    }

    private static String bgpdPid() throws IOException {
        return Files.readString(Path.of("/var/run/frr", lab.router, "bgpd.pid")).trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String logSince(Path log, long offset) {
        String text = read(log);
        return text.length() > offset ? text.substring((int) offset) : "";
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Every device of the lab's host and router namespaces, with its ifindex. */
    private static Map<String, String> devices() {
        Map<String, String> devices = new TreeMap<>();
        for (String[] ns : List.of(new String[] {"host", lab.host}, new String[] {"router", lab.router})) {
            for (String line : Shell.run("ip", "-n", ns[1], "-o", "link", "show").output().split("\n")) {
                String[] parts = line.split(":\\s+");
                if (parts.length > 1) {
                    devices.put(ns[0] + " " + parts[1].split("@")[0], parts[0]);
                }
            }
        }
        return devices;
    }

    private static void awaitAllApplied() {
        appliance.awaitAll(2, "Applied", CONVERGE);
    }

    private static void report(String fault, long sinceNanos) {
        System.out.printf("FAULT %s: recovered in %.1f s%n", fault, (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }
}
