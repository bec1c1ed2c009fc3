package org.openpe.itests.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * The Debian package on this machine's Debian, with dpkg: lintian finds no error; it installs
 * (the unit enabled, not started); the installed runtime starts (in a throw-away namespace, FRR
 * not supervised) and answers its shell and its metrics; a second build of a higher version
 * upgrades it and keeps an edited conffile; remove keeps the configuration, purge removes
 * everything. It refuses to run where an openpe package or /opt/openpe exists that it did not
 * install, and leaves the machine as it found it. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {

    private static final Path HOME = Path.of("/opt/openpe");
    private static final Path ETC = Path.of("/etc/openpe");
    private static final Path NODE_CFG = ETC.resolve("org.openpe.node.cfg");
    private static final Path ENABLED = Path.of("/etc/systemd/system/multi-user.target.wants/openpe.service");
    private static final int METRICS_PORT = 9464;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PREFIX = "deb" + UUID.randomUUID().toString().substring(0, 5);
    private static final String HOST_NS = PREFIX + "-host";
    private static final String ROUTER_NS = PREFIX + "-pe";
    private static final String MACHINE_STATE = "package openpe and namespaces " + PREFIX + "-*";

    private static Path root;
    private static Path firstBuild;
    private static boolean installed;
    private static String editedNodeSettings;

    @BeforeAll
    static void refuseUnlessTheMachineIsClean() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "installing a package needs root; skipped");
        for (String tool : List.of("/usr/bin/dpkg", "/usr/bin/lintian")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing (Debian packages dpkg, lintian); skipped");
        }
        if (!packageStatus().isEmpty()) {
            fail("refusing to run: a package openpe is installed (" + packageStatus() + ") that this test did not"
                    + " install; purge it (dpkg -P openpe) or run elsewhere");
        }
        for (Path path : List.of(HOME, ETC)) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                fail("refusing to run: " + path + " exists and this test did not create it");
            }
        }
        root = Path.of(System.getProperty("openpe.root")).toRealPath();
        try (var debs = Files.list(root.resolve("karaf-assembly/target"))) {
            firstBuild = debs.filter(p -> p.getFileName().toString().matches("openpe_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no openpe_*_all.deb in karaf-assembly/target: build it first"));
        }
        ShutdownCleanup.register(MACHINE_STATE, DebianPackageIT::leaveTheMachineAsItWas);
    }

    @AfterAll
    static void leaveTheMachineAsItWas() {
        Shell.run("ip", "netns", "delete", ROUTER_NS);
        Shell.run("ip", "netns", "delete", HOST_NS);
        // the FRR instance's directories of the runtime's pathspace (the router namespace's name)
        Shell.run("rm", "-rf", "/etc/frr/" + ROUTER_NS, "/var/log/frr/" + ROUTER_NS, "/var/run/frr/" + ROUTER_NS);
        if (installed) {
            Shell.run("dpkg", "--purge", "openpe").orFail();
        }
        ShutdownCleanup.forget(MACHINE_STATE);
    }

    @Test
    @Order(1)
    void lintianFindsNoError() {
        Shell.Result lintian = Shell.run("lintian", "--fail-on", "error", firstBuild.toString());
        assertEquals(0, lintian.exitCode(), lintian.output());
        assertFalse(lintian.output().lines().anyMatch(l -> l.startsWith("E:")), lintian.output());
    }

    @Test
    @Order(2)
    void installsWithItsConffilesAndTheUnitEnabledNotStarted() throws IOException {
        installed = true;
        Shell.run("dpkg", "--install", firstBuild.toString()).orFail();
        assertEquals("install ok installed " + debVersion(firstBuild), packageStatus());
        assertTrue(Files.isExecutable(HOME.resolve("bin/karaf")));
        assertEquals(ETC, Files.readSymbolicLink(HOME.resolve("etc")));
        assertTrue(Files.isRegularFile(Path.of("/lib/systemd/system/openpe.service")));
        assertTrue(Files.isSymbolicLink(ENABLED), "the unit is enabled");
        String conffiles = Shell.ok("dpkg-query", "-W", "-f=${Conffiles}", "openpe");
        assertTrue(conffiles.contains(NODE_CFG.toString()), conffiles);
        assertTrue(conffiles.contains("/etc/openpe/users.properties"), conffiles);
    }

    @Test
    @Order(3)
    void theInstalledRuntimeStartsAndAnswers() throws Exception {
        editedNodeSettings = Files.readString(NODE_CFG).replace("routerNamespace = perouter", "routerNamespace = " + ROUTER_NS)
                + "\nfrr.supervise = false\nmetricsPort = " + METRICS_PORT + "\n";
        Files.writeString(NODE_CFG, editedNodeSettings);
        Shell.run("ip", "netns", "add", HOST_NS).orFail();
        Shell.run("ip", "-n", HOST_NS, "link", "set", "lo", "up").orFail();
        ProcessBuilder karaf = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + HOST_NS,
                HOME.resolve("bin/karaf").toString(), "run");
        karaf.environment().put("KARAF_EXEC", "exec");
        File log = Files.createTempFile("openpe-deb-karaf", ".log").toFile();
        Process process = karaf.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        ShutdownCleanup.register(process, () -> { // at shutdown stopped before the machine is left as it was
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        });
        try {
            JsonNode status = Eventually.await("openpe:status of the installed runtime", Duration.ofSeconds(120),
                    DebianPackageIT::status, s -> s.path("routerNamespacePresent").asBoolean());
            assertEquals(ROUTER_NS, status.path("routerNamespace").asText());
            assertEquals(METRICS_PORT, status.path("metrics").path("listening").asInt(), status::toString);
            String metrics = Shell.run("ip", "netns", "exec", HOST_NS, "curl", "-s", "-f",
                    "http://127.0.0.1:" + METRICS_PORT + "/metrics").orFail();
            assertTrue(metrics.contains("openpe_reconcile_passes_total"), metrics);
        } finally {
            process.destroy();
            boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly();
            }
            ShutdownCleanup.forget(process);
            assertTrue(stopped, "the runtime did not stop within 30 s of SIGTERM; log: " + log);
            Files.delete(log.toPath());
        }
    }

    @Test
    @Order(4)
    void aHigherVersionUpgradesItAndKeepsTheEditedConffile() throws Exception {
        Path upgradeDir = Files.createDirectories(root.resolve("itests/target/deb-upgrade"));
        ProcessBuilder build = new ProcessBuilder("mvn", "-B", "-q", "-o",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-f", root.resolve("karaf-assembly/pom.xml").toString(), "-Dopenpe.deb.dir=" + upgradeDir,
                "org.vafer:jdeb:jdeb@openpe-deb").redirectErrorStream(true);
        build.environment().put("OPENPE_DEB_SNAPSHOT", "99991231235959");
        Process maven = build.start();
        String output = new String(maven.getInputStream().readAllBytes());
        assertEquals(0, maven.waitFor(), output);
        Path secondBuild = upgradeDir.resolve("openpe_0.1.0~99991231235959_all.deb");
        assertTrue(Files.isRegularFile(secondBuild), output);
        assertEquals(0, Shell.run("dpkg", "--compare-versions", debVersion(secondBuild), "gt", debVersion(firstBuild))
                .exitCode());

        Shell.run("dpkg", "--install", secondBuild.toString()).orFail();
        assertEquals("install ok installed " + debVersion(secondBuild), packageStatus());
        assertEquals(editedNodeSettings, Files.readString(NODE_CFG), "the operator's node settings survive the upgrade");
        assertTrue(Files.isSymbolicLink(ENABLED), "the unit stays enabled");
    }

    @Test
    @Order(5)
    void removeKeepsTheConfigurationAndPurgeRemovesEverything() {
        Shell.run("dpkg", "--remove", "openpe").orFail();
        assertFalse(Files.exists(HOME.resolve("bin/karaf")));
        assertEquals(editedNodeSettings, readOrEmpty(NODE_CFG), "remove keeps the configuration");

        Shell.run("dpkg", "--purge", "openpe").orFail();
        installed = false;
        assertEquals("", packageStatus());
        for (Path gone : List.of(HOME, ETC, ENABLED, Path.of("/lib/systemd/system/openpe.service"))) {
            assertFalse(Files.exists(gone, LinkOption.NOFOLLOW_LINKS), gone + " is left after purge");
        }
    }

    private static JsonNode status() {
        String out = Shell.run(List.of("nsenter", "--net=/var/run/netns/" + HOST_NS, HOME.resolve("bin/client").toString(),
                "-r", "3", "-d", "1", "-b"), "openpe:status --json\n").output();
        try {
            return out.contains("{") ? JSON.readTree(out.substring(out.indexOf('{'))) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** "install ok installed <version>", or "" when dpkg knows no package openpe (or only its removal). */
    private static String packageStatus() {
        Shell.Result query = Shell.run("dpkg-query", "-W", "-f=${Status} ${Version}", "openpe");
        return query.exitCode() == 0 && !query.output().startsWith("unknown ok not-installed") ? query.output().trim() : "";
    }

    private static String debVersion(Path deb) {
        return Shell.ok("dpkg-deb", "-f", deb.toString(), "Version").trim();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
