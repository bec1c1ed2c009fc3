package org.openpe.itests.e2e;

import org.openpe.itests.support.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 7 on this kernel with L3Passthrough: updating or refreshing bundles flaps nothing (same
 * interface indexes, BGP sessions keep their uptime); uninstalling the plugin's feature makes its
 * resources Unsupported and removes what it created; installing it, or dropping the bundle or the
 * plugin's .kar into deploy/, brings them back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotDeployEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String HOST_SPEAKER = "192.169.10.2";

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();

    @BeforeAll
    static void start() throws Exception {
        awaitPassthrough("Applied");
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.router, HOST_SPEAKER, "Established");
    }

    @Test
    @Order(1)
    void updatingOrRefreshingAPluginFlapsNothing() throws Exception {
        assertNoFlap(() -> {
            appliance.client("bundle:update org.openpe.passthrough");
            appliance.client("bundle:refresh org.openpe.passthrough");
        });
    }

    @Test
    @Order(2)
    void updatingTheCoreNetlinkAndFrrBundlesFlapsNothing() throws Exception {
        assertNoFlap(() -> {
            appliance.client("bundle:update org.openpe.core");
            appliance.client("bundle:update org.openpe.netlink");
            appliance.client("bundle:update org.openpe.frr");
            appliance.client("bundle:refresh");
        });
    }

    @Test
    @Order(3)
    void aStoppedPluginKeepsWhatItsResourcesCreatedUntilItStartsAgain() throws Exception {
        assertNoFlap(() -> {
            appliance.client("bundle:stop org.openpe.passthrough");
            Thread.sleep(ReconcileGrace.MILLIS);
            appliance.client("openpe:reconcile");
            JsonNode passthrough = appliance.resource("l3passthrough", "lab");
            assertTrue(passthrough.path("state").asText().equals("Pending")
                    && passthrough.path("reason").asText().contains("org.openpe.passthrough"),
                    "a stopped plugin's resources are Pending, naming its bundle: " + passthrough);
            appliance.client("bundle:start org.openpe.passthrough");
        });
    }

    @Test
    @Order(4)
    void uninstallingTheFeatureMakesItsResourcesUnsupportedAndRemovesThem() {
        appliance.client("feature:uninstall openpe-passthrough");

        awaitPassthrough("Unsupported");
        Eventually.await("pt-ns to be removed", CONVERGE, () -> lab.in(lab.router, "ip", "-o", "link", "show"),
                out -> !out.contains("pt-ns"));
        assertFalse(lab.in(lab.host, "ip", "-o", "link", "show").contains("pt-host"));
        Eventually.await("the host session to be removed", CONVERGE,
                () -> lab.sessionState(lab.router, HOST_SPEAKER), "none"::equals);
        assertEquals("Established", lab.sessionState(lab.leaf, NODE));
    }

    @Test
    @Order(5)
    void installingItAgainBringsThemBack() {
        appliance.client("feature:install openpe-passthrough");

        awaitPassthrough("Applied");
        awaitSession(lab.router, HOST_SPEAKER, "Established");
    }

    @Test
    @Order(6)
    void aPluginBundleDroppedIntoDeployWorksTheSameWay() throws Exception {
        appliance.client("feature:uninstall openpe-passthrough");
        awaitPassthrough("Unsupported");
        Path jar = Files.list(appliance.home.resolve("system/org/openpe/passthrough")).findFirst().orElseThrow();
        Path bundle = Files.list(jar).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        Path deployed = appliance.home.resolve("deploy/openpe-passthrough.jar");

        Files.copy(bundle, deployed, StandardCopyOption.REPLACE_EXISTING);
        awaitPassthrough("Applied");
        awaitSession(lab.router, HOST_SPEAKER, "Established");

        Files.delete(deployed);
        awaitPassthrough("Unsupported");
    }

    @Test
    @Order(7)
    void aPluginKarDroppedIntoDeployWorksTheSameWay() throws Exception {
        Path kar = Path.of(System.getProperty("openpe.passthrough.kar"));
        Path deployed = appliance.home.resolve("deploy/" + kar.getFileName());

        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        awaitPassthrough("Applied");
        awaitSession(lab.router, HOST_SPEAKER, "Established");

        Files.delete(deployed);
        awaitPassthrough("Unsupported");
        Eventually.await("pt-ns to be removed", CONVERGE, () -> lab.in(lab.router, "ip", "-o", "link", "show"),
                out -> !out.contains("pt-ns"));
    }

    private void assertNoFlap(ThrowingRunnable change) throws Exception {
        String vethBefore = index(lab.router, "pt-ns");
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        long hostUptime = lab.sessionUptimeMillis(lab.router, HOST_SPEAKER);

        change.run();
        Thread.sleep(ReconcileGrace.MILLIS);
        awaitPassthrough("Applied");
        appliance.client("openpe:reconcile");

        assertEquals(vethBefore, index(lab.router, "pt-ns"), "pt-ns was recreated");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
        assertTrue(lab.sessionUptimeMillis(lab.router, HOST_SPEAKER) > hostUptime, "the host session was reset");
    }

    private static String index(String namespace, String device) {
        return lab.in(namespace, "ip", "-o", "link", "show", device).split(":")[0];
    }

    private static void awaitPassthrough(String state) {
        appliance.awaitState("l3passthrough", "lab", state, CONVERGE);
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Longer than the time the engine waits for a departed plugin to come back (10 s). */
    private static final class ReconcileGrace {
        static final long MILLIS = 12_000;
    }
}
