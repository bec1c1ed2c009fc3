package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpe.itests.support.Eventually;

/**
 * Issue 19 on this kernel with real FRR: RawFRRConfig, the plugin written against the resource
 * definition SPI. Snippets show in FRR's running configuration, in priority order in the applied
 * file; a typo'd snippet is rejected alone, naming the resource, the key and FRR's message, while
 * the good ones and the underlay session stay (its uptime keeps growing); a bad edit keeps the
 * version in force; uninstalling the plugin's feature removes its snippets from FRR and keeps
 * the {@code .cfg} files, installing it or dropping its {@code .kar} into {@code deploy/} brings them
 * back. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawFrrEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String COMMUNITIES = "org.openpe.rawfrrconfig-communities.cfg";
    private static final String MAPS = "org.openpe.rawfrrconfig-maps.cfg";
    private static final String TYPO = "org.openpe.rawfrrconfig-typo.cfg";
    private static final String COMMUNITY_LINE = "bgp community-list standard RAW-COMM seq 5 permit 64512:100";

    private static LabRun run;
    private static Lab lab;
    private static Appliance appliance;
    private static long leafUptime;

    @BeforeAll
    static void start() throws Exception {
        run = LabRun.start();
        lab = run.lab();
        appliance = run.appliance();
        awaitResource("underlay", "lab", r -> r.path("state").asText().equals("Applied"));
        lab.awaitSession(lab.leaf, NODE, "Established", CONVERGE);
        leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void aSnippetIsAppliedAndShowsInFrrsRunningConfiguration() throws Exception {
        appliance.writeConfig(COMMUNITIES, "priority = 20\nrawConfig = " + COMMUNITY_LINE + "\n");

        awaitApplied("communities");
        awaitRunning("the community list", out -> out.contains(COMMUNITY_LINE));
        assertUnderlayUntouched();
    }

    @Test
    @Order(2)
    void twoSnippetsAreRenderedInPriorityOrder() throws Exception {
        appliance.writeConfig(MAPS, "priority = 5\nrawConfig = route-map RAW-MAP permit 10\\n set metric 42\\nexit\n");

        awaitApplied("maps");
        awaitRunning("the route map", out -> out.contains("route-map RAW-MAP permit 10\n set metric 42"));
        assertTrue(lab.runningConfig(lab.router).contains(COMMUNITY_LINE));
        String applied = appliance.client("openpe:frr-config");
        assertTrue(applied.indexOf("route-map RAW-MAP") < applied.indexOf(COMMUNITY_LINE) && applied.contains(COMMUNITY_LINE),
                "priority 5 before priority 20, after the typed configuration: " + applied);
        assertTrue(applied.indexOf("router bgp 64514") < applied.indexOf("route-map RAW-MAP"), applied);
        assertUnderlayUntouched();
    }

    @Test
    @Order(3)
    void aTypoedSnippetIsRejectedAloneNamingTheResourceTheKeyAndFrrsMessage() throws Exception {
        appliance.writeConfig(TYPO, "rawConfig = route-map RAW-TYPO permit 10\\n set metrik 1\\nexit\n");

        // never applied, so nothing is kept in force: Failed, with the rejection as its reason
        JsonNode typo = awaitResource("rawfrrconfig", "typo", r -> r.path("state").asText().equals("Failed")
                && r.path("reason").asText().contains("FRR refused"));
        String rejection = typo.path("reason").asText();
        assertTrue(rejection.contains("rawfrrconfig typo") && rejection.contains("'rawConfig'")
                && rejection.contains("set metrik 1") && rejection.contains("Unknown command"), rejection);
        assertFalse(typo.has("appliedGeneration"), typo.toString());
        String running = lab.runningConfig(lab.router);
        assertFalse(running.contains("RAW-TYPO"), running);
        assertTrue(running.contains(" set metric 42") && running.contains(COMMUNITY_LINE), running);
        assertEquals("Applied", resource("rawfrrconfig", "maps").path("state").asText());
        assertEquals("Applied", resource("rawfrrconfig", "communities").path("state").asText());
        assertUnderlayUntouched();
        appliance.deleteConfig(TYPO);
        Eventually.await("the typo's resource to be gone", CONVERGE, () -> resource("rawfrrconfig", "typo"),
                JsonNode::isEmpty);
    }

    @Test
    @Order(4)
    void aBadEditKeepsTheVersionInForceAndAGoodOneReplacesIt() throws Exception {
        long inForce = resource("rawfrrconfig", "maps").path("appliedGeneration").asLong();
        appliance.writeConfig(MAPS, "priority = 5\nrawConfig = route-map RAW-MAP permit 10\\n set metrik 7\\nexit\n");

        JsonNode maps = awaitResource("rawfrrconfig", "maps", r -> r.path("rejection").asText().contains("FRR refused"));
        assertEquals("Applied", maps.path("state").asText(), maps.toString());
        assertEquals(inForce, maps.path("appliedGeneration").asLong(), maps.toString());
        assertTrue(lab.runningConfig(lab.router).contains(" set metric 42"), "the version in force stays in FRR");
        assertUnderlayUntouched();

        appliance.writeConfig(MAPS, "priority = 5\nrawConfig = route-map RAW-MAP permit 10\\n set metric 7\\nexit\n");
        awaitApplied("maps");
        awaitRunning("the edited route map", out -> out.contains(" set metric 7") && !out.contains(" set metric 42"));
        assertUnderlayUntouched();
    }

    @Test
    @Order(5)
    void uninstallingThePluginRemovesItsSnippetsFromFrrAndKeepsTheFiles() throws Exception {
        appliance.client("feature:uninstall openpe-rawfrr");

        awaitResource("rawfrrconfig", "maps", r -> r.path("state").asText().equals("Unsupported"));
        awaitRunning("the snippets to be removed", out -> !out.contains("RAW-MAP") && !out.contains("RAW-COMM"));
        assertTrue(Files.exists(appliance.etc().resolve(MAPS)) && Files.exists(appliance.etc().resolve(COMMUNITIES)));
        assertUnderlayUntouched();
    }

    @Test
    @Order(6)
    void installingItAgainBringsThemBack() throws Exception {
        appliance.client("feature:install openpe-rawfrr");

        awaitApplied("maps");
        awaitApplied("communities");
        awaitRunning("the snippets to be back", out -> out.contains(" set metric 7") && out.contains(COMMUNITY_LINE));
        assertUnderlayUntouched();
    }

    @Test
    @Order(7)
    void thePluginKarDroppedIntoDeployWorksTheSameWay() throws Exception {
        appliance.client("feature:uninstall openpe-rawfrr");
        awaitResource("rawfrrconfig", "maps", r -> r.path("state").asText().equals("Unsupported"));
        Path kar = Path.of(System.getProperty("openpe.rawfrr.kar"));
        Path deployed = appliance.home.resolve("deploy/" + kar.getFileName());

        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        awaitApplied("maps");
        awaitRunning("the snippets to be back", out -> out.contains(" set metric 7") && out.contains(COMMUNITY_LINE));

        Files.delete(deployed);
        awaitResource("rawfrrconfig", "maps", r -> r.path("state").asText().equals("Unsupported"));
        awaitRunning("the snippets to be removed", out -> !out.contains("RAW-MAP") && !out.contains("RAW-COMM"));
        assertUnderlayUntouched();
    }

    /** The underlay's session to the leaf was never reset: its uptime keeps growing. */
    private static void assertUnderlayUntouched() {
        assertEquals("Applied", resource("underlay", "lab").path("state").asText());
        long uptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        assertTrue(uptime > leafUptime, "the leaf's session was reset: uptime " + uptime + " ms, before " + leafUptime + " ms");
        leafUptime = uptime;
    }

    private static void awaitRunning(String what, Predicate<String> holds) {
        Eventually.await(what + " in FRR's running configuration", CONVERGE, () -> lab.runningConfig(lab.router), holds);
    }

    private static void awaitApplied(String name) {
        awaitResource("rawfrrconfig", name, r -> r.path("state").asText().equals("Applied") && !r.has("rejection")
                && r.path("generation").asLong() == r.path("appliedGeneration").asLong());
    }

    private static JsonNode awaitResource(String type, String name, Predicate<JsonNode> holds) {
        return Eventually.await(type + " " + name + " in openpe:list --json", CONVERGE, () -> resource(type, name), holds);
    }

    private static JsonNode resource(String type, String name) {
        return appliance.resource(type, name);
    }
}
