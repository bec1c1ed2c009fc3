package org.openpe.itests.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openpe.itests.support.Appliance;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;

/**
 * Issue 15 (H5) under real systemd as PID 1: OpenPE installed from its .deb with dpkg (in the guest's
 * throw-away root) and run by the packaged unit in the guest's root namespace, with the lab's underlay
 * (NIC {@code toswitch}, cabled to the lab's leaf) and L3Passthrough. Across {@code systemctl
 * restart}, {@code systemctl stop} + {@code start}, kill -9 of the JVM (which the unit restarts) and
 * {@code dpkg -i} of a higher version whose passthrough plugin changed ({@link ChangedPluginPackage}),
 * the FRR daemons keep their pids, the leaf's session keeps its uptime and no device changes its
 * ifindex. Run by {@link SystemdRestartIT} in the VM booted with systemd; the steps build on each
 * other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(StepLog.class)
class SystemdRestartScenario {

    private static final Duration START = Duration.ofSeconds(480);
    static final String DEB_PROPERTY = "openpe.deb";
    static final String UPGRADE_DEB_PROPERTY = "openpe.deb.upgrade";
    static final String UPGRADE_BUNDLE_VERSION_PROPERTY = "openpe.deb.upgrade.bundleVersion";
    private static final Path HOME = Path.of("/opt/openpe");
    private static final Path NODE_SETTINGS = Path.of("/etc/openpe/org.openpe.node.cfg");
    private static final String UNIT = "openpe";
    private static final String NODE = "192.168.11.3";
    private static final List<String> DAEMONS = List.of("zebra", "bgpd", "staticd", "bfdd");
    /** The packaged runtime, which systemd runs in the root namespace; C1 only for its clients (see OpenPeNode). */
    private static final Appliance SERVICE = new Appliance(UNIT, HOME, Optional.empty(),
            Optional.of(OpenPeNode.QUICK_START_JAVA_OPTS), START);
    private static final Pattern IFINDEX = Pattern.compile("^(\\d+): ");
    /** A row of bundle:list -s: id | state | level | version | symbolic name. */
    private static final Pattern PASSTHROUGH_BUNDLE = Pattern.compile("(?m)\\|\\s*(\\S+)\\s*\\|\\s*org\\.openpe\\.passthrough\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Touched right before the first start: what the service wrote is newer. */
    private static final Path STARTED_MARKER = Path.of("/run/openpe-systemd-scenario-started");

    private static Path labScript;
    private static String prefix;
    private static String leaf;
    private static String router;

    /** What must survive a restart of the service. */
    private record Observation(Map<String, Long> daemonPids, long leafUptimeMillis, Map<String, Integer> ifindexes) {
    }

    @BeforeAll
    static void installAndStart() throws Exception {
        VrfTier.assumeInside();
        assertTrue(Files.isDirectory(Path.of("/run/systemd/system")), "PID 1 is not systemd: boot the VM with --init systemd");
        labScript = Path.of(System.getProperty("openpe.root")).resolve("scripts/lab.sh");
        prefix = "sd" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        leaf = prefix + "-leaf";
        router = prefix + "-pe";
        Shell.run(List.of("bash", labScript.toString(), "up", prefix)).orFail();
        // The unit runs OpenPE in the root namespace: the NIC cabled to the leaf moves there.
        sh("ip", "-n", prefix + "-host", "link", "set", "toswitch", "netns", "1");
        sh("ip", "addr", "add", NODE + "/24", "dev", "toswitch");
        sh("ip", "link", "set", "toswitch", "up");

        // dpkg changes the guest's root only: an overlay whose writable layer is a tmpfs (scripts/vm/init.sh)
        assertEquals("overlay", Shell.ok("findmnt", "-n", "-o", "FSTYPE", "/").trim(), "refusing to dpkg: / is not the VM's overlay");
        assertTrue(Shell.ok("findmnt", "-n", "-o", "OPTIONS", "/").contains("upperdir="),
                "refusing to dpkg: / is not the VM's overlay");
        assertEquals("", packageStatus(), "an openpe package is already installed");
        // a container image's policy-rc.d (exit 101) would forbid the maintainer scripts' service actions;
        // an appliance has none
        if (Files.deleteIfExists(Path.of("/usr/sbin/policy-rc.d"))) {
            log("removed the host image's /usr/sbin/policy-rc.d from the guest's root");
        }
        sh("dpkg", "--install", System.getProperty(DEB_PROPERTY));
        // the operator's edits of the conffiles: node settings and resources
        Shell.run(List.of("bash", labScript.toString(), "config", "/etc/openpe", prefix)).orFail();
        Path dropIn = Files.createDirectories(Path.of("/etc/systemd/system/openpe.service.d"));
        Files.writeString(dropIn.resolve("tcg.conf"), "[Service]\nEnvironment=\"JAVA_OPTS=" + OpenPeNode.QUICK_START_JAVA_OPTS + "\"\n");
        sh("systemctl", "daemon-reload");
        Files.writeString(STARTED_MARKER, "");
        sh("systemctl", "start", UNIT);

        awaitSessionEstablished();
        awaitApplied();
        Observation first = observe();
        log("started: " + first);
        for (String daemon : DAEMONS) {
            String cgroup = Files.readString(Path.of("/proc", first.daemonPids().get(daemon).toString(), "cgroup")).trim();
            assertTrue(cgroup.contains("/openpe-frr-" + router + "-" + daemon + "-") && !cgroup.contains("openpe.service"),
                    daemon + " is not in a scope of its own: " + cgroup);
        }
    }

    @AfterAll
    static void stopAndCollect() throws IOException {
        if (prefix == null) {
            return;
        }
        Path reports = Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir")));
        Files.writeString(reports.resolve("journal-openpe.log"),
                Shell.run("journalctl", "--no-pager", "-u", UNIT).output()
                        + Shell.run("systemctl", "--no-pager", "status", "openpe-frr-*").output());
        Shell.run("systemctl", "stop", UNIT);
        Path karafLog = HOME.resolve("data/log/karaf.log");
        if (Files.exists(karafLog)) {
            Files.copy(karafLog, reports.resolve("karaf.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        Shell.run("systemctl", "stop", "openpe-frr-*.scope");
        Shell.run(List.of("bash", labScript.toString(), "down", prefix));
    }

    @Test
    @Order(1)
    void systemctlRestartKeepsDaemonsSessionAndDevices() {
        Observation before = observe();
        long mainPid = mainPid();
        int adopted = adoptions();

        long started = System.nanoTime();
        sh("systemctl", "restart", UNIT);
        assertNotEquals(mainPid, mainPid(), "systemctl restart left the same JVM");

        assertSurvived("systemctl restart", before, adopted, started);
    }

    @Test
    @Order(2)
    void stopAndStartKeepDaemonsSessionAndDevices() {
        Observation before = observe();
        int adopted = adoptions();

        long started = System.nanoTime();
        sh("systemctl", "stop", UNIT);
        // "failed" would only mean the JVM outlived TimeoutStopSec under TCG: FRR's survival is what is checked here
        String state = Shell.run("systemctl", "is-active", UNIT).output().trim();
        assertTrue(state.equals("inactive") || state.equals("failed"), "openpe is " + state + " after systemctl stop");
        Observation whileStopped = observe();
        assertEquals(before.daemonPids(), whileStopped.daemonPids(), "FRR daemons died with the service");
        assertEquals("Established", leafSessionState(), "the leaf's session dropped while the service was stopped");
        log("while stopped (" + state + "): " + whileStopped);
        sh("systemctl", "start", UNIT);

        assertSurvived("systemctl stop + start", before, adopted, started);
    }

    @Test
    @Order(3)
    void killedJvmIsRestartedAndKeepsDaemonsSessionAndDevices() {
        Observation before = observe();
        long mainPid = mainPid();
        long restarts = Long.parseLong(Shell.ok("systemctl", "show", "-p", "NRestarts", "--value", UNIT).trim());
        int adopted = adoptions();

        long started = System.nanoTime();
        sh("kill", "-9", Long.toString(mainPid));
        Eventually.await("systemd to restart the killed JVM (Restart=on-failure)", Duration.ofSeconds(60),
                () -> Shell.ok("systemctl", "show", "-p", "NRestarts", "--value", UNIT).trim(),
                n -> Long.parseLong(n) > restarts);
        assertNotEquals(mainPid, mainPid());

        assertSurvived("kill -9 of the JVM", before, adopted, started);
    }

    @Test
    @Order(4)
    void underTheUnitsUmaskNothingTheRuntimeWroteIsReadableByOthers() throws IOException {
        String readable = Shell.ok("find", HOME.resolve("data").toString(), "-newer", STARTED_MARKER.toString(), "-type", "f",
                "-perm", "/077");
        assertEquals("", readable.trim(), "files the runtime wrote under UMask=0077 that group or others can read");
        // FRR sets the mode of its own frr.conf: 0640, group frr (Debian builds it with --enable-configfile-mask=0640)
        String frrReadable = Shell.ok("find", "/etc/frr/" + router, "-newer", STARTED_MARKER.toString(), "-type", "f",
                "(", "-perm", "/007", "-o", "-perm", "/070", "!", "-group", "frr", ")");
        assertEquals("", frrReadable.trim(), "files of the pathspace that others than root and frr can read");
        Path candidate = Path.of("/etc/frr", router, "openpe-candidate.conf");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(candidate)));
    }

    @Test
    @Order(5)
    void upgradeWithAChangedPluginRestartsTheRuntimeAndKeepsDaemonsSessionAndDevices() throws IOException {
        Observation before = observe();
        long mainPid = mainPid();
        int adopted = adoptions();
        String nodeSettings = Files.readString(NODE_SETTINGS);
        String newBundleVersion = System.getProperty(UPGRADE_BUNDLE_VERSION_PROPERTY);
        assertNotEquals(newBundleVersion, passthroughBundleVersion());
        String upgrade = System.getProperty(UPGRADE_DEB_PROPERTY);
        String version = Shell.ok("dpkg-deb", "-f", upgrade, "Version").trim();

        long started = System.nanoTime();
        sh("dpkg", "--install", upgrade);
        log("dpkg --install of " + version + " returned after " + (System.nanoTime() - started) / 1_000_000_000L + " s");
        assertEquals("install ok installed " + version, packageStatus());
        assertEquals("active", Shell.run("systemctl", "is-active", UNIT).output().trim(), "the upgrade left the service stopped");
        assertNotEquals(mainPid, mainPid(), "the upgrade did not restart the runtime");

        assertSurvived("package upgrade", before, adopted, started);
        assertEquals(newBundleVersion, passthroughBundleVersion(), "the runtime still runs the replaced plugin");
        assertEquals(nodeSettings, Files.readString(NODE_SETTINGS), "the upgrade replaced the operator's node settings");
    }

    /** Waits until the new runtime has adopted the daemons and applied every resource, then compares. */
    private static void assertSurvived(String fault, Observation before, int adoptedBefore, long started) {
        Eventually.await("the new runtime to adopt the running daemons", START, SystemdRestartScenario::adoptions,
                n -> n >= adoptedBefore + DAEMONS.size());
        awaitApplied();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Observation after = observe();
        log(fault + ": resources Applied again after " + seconds + " s; before " + before + ", after " + after);
        assertEquals(before.daemonPids(), after.daemonPids(), fault + " restarted FRR daemons");
        assertEquals(before.ifindexes(), after.ifindexes(), fault + " recreated devices");
        assertTrue(after.leafUptimeMillis() > before.leafUptimeMillis(), fault + " reset the leaf's session: uptime "
                + before.leafUptimeMillis() + " ms before, " + after.leafUptimeMillis() + " ms after");
    }

    private static Observation observe() {
        Map<String, Long> pids = new TreeMap<>();
        for (String daemon : DAEMONS) {
            long pid = Long.parseLong(read(Path.of("/var/run/frr", router, daemon + ".pid")).trim());
            assertTrue(Files.exists(Path.of("/proc", Long.toString(pid))), daemon + " (pid " + pid + ") is not running");
            pids.put(daemon, pid);
        }
        Map<String, Integer> ifindexes = new TreeMap<>();
        ifindexes.put("router/toswitch", ifindex(List.of("ip", "-n", router), "toswitch"));
        ifindexes.put("router/pt-ns", ifindex(List.of("ip", "-n", router), "pt-ns"));
        ifindexes.put("host/pt-host", ifindex(List.of("ip"), "pt-host"));
        long uptime = leafPeer().path("peerUptimeMsec").asLong();
        return new Observation(pids, uptime, ifindexes);
    }

    private static int ifindex(List<String> ip, String device) {
        List<String> command = new ArrayList<>(ip);
        command.addAll(List.of("-o", "link", "show", "dev", device));
        Matcher m = IFINDEX.matcher(Shell.run(command).orFail());
        assertTrue(m.find(), device + " not found");
        return Integer.parseInt(m.group(1));
    }

    private static JsonNode leafPeer() {
        try {
            return JSON.readTree(Shell.ok("vtysh", "-N", leaf, "-c", "show bgp summary json"))
                    .path("ipv4Unicast").path("peers").path(NODE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String leafSessionState() {
        return leafPeer().path("state").asText("none");
    }

    private static void awaitSessionEstablished() {
        Eventually.await("the leaf's session with the node Established", START,
                SystemdRestartScenario::leafSessionState, "Established"::equals);
    }

    private static void awaitApplied() {
        SERVICE.awaitAll(2, "Applied", START);
    }

    /** How many times a runtime adopted an FRR daemon, from karaf.log (appended across restarts). */
    private static int adoptions() {
        try (var lines = Files.lines(HOME.resolve("data/log/karaf.log"))) {
            return (int) lines.filter(l -> l.contains("already runs as pid") && l.contains("adopted")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The version of the passthrough bundle the runtime runs (bundle:list). */
    private static String passthroughBundleVersion() {
        Matcher row = PASSTHROUGH_BUNDLE.matcher(SERVICE.client("bundle:list -s"));
        return row.find() ? row.group(1) : "none";
    }

    /** "install ok installed <version>", or "" when dpkg knows no package openpe. */
    private static String packageStatus() {
        Shell.Result query = Shell.run("dpkg-query", "-W", "-f=${Status} ${Version}", "openpe");
        return query.exitCode() == 0 && !query.output().startsWith("unknown ok not-installed") ? query.output().trim() : "";
    }

    private static long mainPid() {
        return Long.parseLong(Shell.ok("systemctl", "show", "-p", "MainPID", "--value", UNIT).trim());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void sh(String... command) {
        Shell.run(command).orFail();
    }

    private static void log(String line) {
        System.out.println("[systemd-restart] " + line);
    }
}
