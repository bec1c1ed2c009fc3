package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;

/** Every feature of spec section 6, applied to a real FRR 8.4 in a throw-away namespace. */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrrAcceptsConfigTest {

    private static final String LOCAL_ADDRESS = "192.168.50.1";

    private FrrSettings settings;
    private DefaultFrrInstance frr;

    @BeforeAll
    void startFrr() {
        FrrTestSupport.assumeFrrAvailable();
        settings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frt-"));
        FrrTestSupport.createNamespace(settings);
        FrrTestSupport.sh("ip", "-n", settings.namespace(), "addr", "add", LOCAL_ADDRESS + "/32", "dev", "lo");
        frr = FrrTestSupport.closedAtShutdown(DefaultFrrInstance.open(settings));
    }

    @AfterAll
    void stopFrr() {
        FrrTestSupport.close(frr);
        if (settings != null) {
            FrrTestSupport.destroy(settings);
        }
    }

    @Test
    void everyFeatureIsAcceptedAndRendersInFrrsOwnForm() throws Exception {
        Map<String, FrrConfig> features = new LinkedHashMap<>();
        features.put("underlay", Configs.underlayOnly());
        features.put("session options, BFD profile, plain BFD, IPv6", Configs.underlayAllSessionOptions());
        features.put("EVPN, VRF/VNI, VRF instances", Configs.evpnWithL3vni());
        features.put("passthrough dual stack", Configs.passthroughDualStack());
        features.put("no underlay", Configs.noUnderlay());
        features.put("log level debugging", FrrConfig.empty("pe1", "debugging"));
        features.put("log level warnings", FrrConfig.empty("pe1", "warnings"));
        Layout layout = new Layout(settings);
        for (var feature : features.entrySet()) {
            ApplyResult result = frr.apply(feature.getValue()).get();
            System.out.printf("apply %-48s %-9s %5d ms%n", feature.getKey(), result.outcome(), result.duration().toMillis());
            assertEquals(Outcome.APPLIED, result.outcome(), feature.getKey() + ": " + result.message());
            // after the reload frr-reload must find nothing left to change: our text is FRR's normal form
            assertEquals(List.of(), FrrTestSupport.residue(settings, layout.candidateFile()), feature.getKey());
        }
        assertFalse(frr.runningConfig().contains("router bgp"), "no underlay must leave no BGP instance");
        assertEquals(List.of(), frr.bgpNeighbors());
        assertEquals(List.of(), frr.evpnRoutes());
        assertEquals(List.of(), frr.evpnVnis());
        assertEquals(List.of(), frr.bfdPeers());
    }

    @Test
    void rejectedFirstConfigurationOfAnAdoptingInstanceRestoresWhatRan() throws Exception {
        assertTrue(frr.apply(Configs.underlayAllSessionOptions()).get().ok());
        FrrTestSupport.close(frr);
        frr = FrrTestSupport.closedAtShutdown(DefaultFrrInstance.open(settings)); // knows nothing applied: rolls back to a running-config snapshot

        ApplyResult result = frr.apply(withLocalNeighbor(Configs.underlayOnly())).get();

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("The previous configuration was restored."), result.message());
        assertEquals(Optional.empty(), frr.appliedConfig());
        assertEquals(Outcome.UNCHANGED, frr.apply(Configs.underlayAllSessionOptions()).get().outcome(),
                "the running configuration must be exactly the one before the failed apply");
    }

    private static FrrConfig withLocalNeighbor(FrrConfig good) {
        BgpRouter underlay = good.defaultRouter().orElseThrow();
        List<BgpNeighbor> neighbors = new ArrayList<>(underlay.neighbors());
        neighbors.add(BgpNeighbor.of(LOCAL_ADDRESS, 64999).withPassword("other-secret")); // FRR refuses the local system
        return new FrrConfig("pe1", "informational", good.vrfVnis(), good.bfdProfiles(),
                Optional.of(BgpRouter.defaultInstance(underlay.asn(), underlay.routerId(), neighbors, List.of("10.1.0.0/16"),
                        false)), List.of());
    }

    @Test
    void changingTheAsnOfAVrfInstanceOrOfTheUnderlayReplacesTheInstances() throws Exception {
        assertTrue(frr.apply(Configs.evpnWithL3vni()).get().ok());
        Map<String, FrrConfig> edits = new LinkedHashMap<>();
        edits.put("vrf red in AS 64520", Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520));
        edits.put("underlay in AS 64600", Configs.evpnWithL3vni(64600, 64520));
        for (var edit : edits.entrySet()) {
            ApplyResult result = frr.apply(edit.getValue()).get();
            System.out.printf("apply %-24s %-9s %5d ms%n", edit.getKey(), result.outcome(), result.duration().toMillis());
            assertEquals(Outcome.APPLIED, result.outcome(), edit.getKey() + ": " + result.message());
            assertEquals(List.of(), FrrTestSupport.residue(settings, new Layout(settings).candidateFile()), edit.getKey());
        }
        String running = frr.runningConfig();
        assertTrue(running.contains("router bgp 64520 vrf red\n"), running);
        assertTrue(running.contains("router bgp 64600 vrf blue\n"), running);
        assertTrue(running.contains("router bgp 64600\n"), running);
        assertTrue(running.contains("vrf red\n vni 100\n"), running);
        assertFalse(running.contains("router bgp 64514"), running);
    }

    @Test
    void missingRouterNamespaceIsReportedByName() {
        FrrSettings missing = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frt-missing-"));
        var e = assertThrows(FrrException.class, () -> DefaultFrrInstance.open(missing));
        assertTrue(e.getMessage().contains("router namespace " + missing.namespace() + " does not exist"), e.getMessage());
        assertFalse(Files.exists(missing.pathspaceConfigDir()), "nothing may be created for a namespace that does not exist");
    }

    @Test
    void identicalConfigurationIsNotAppliedAgain() throws Exception {
        assertTrue(frr.apply(Configs.evpnWithL3vni()).get().ok());
        ApplyResult again = frr.apply(Configs.evpnWithL3vni()).get();
        assertEquals(Outcome.UNCHANGED, again.outcome(), again.message());
        assertTrue(again.duration().toMillis() < 100, "an unchanged apply must not call FRR: " + again.duration());
    }

    @Test
    void passwordsAreMaskedInRunningConfigAndResults() throws Exception {
        ApplyResult result = frr.apply(Configs.underlayAllSessionOptions()).get();
        assertTrue(result.ok(), result.message());
        String running = frr.runningConfig();
        assertTrue(running.contains("neighbor 192.168.11.2 password ****"), running);
        assertFalse(running.contains("s3cret"), running);
        assertFalse(frr.displayText(Configs.underlayAllSessionOptions()).contains("s3cret"));
        String applied = frr.appliedConfigText().orElseThrow();
        assertTrue(applied.contains(" neighbor 192.168.11.2 password ****\n"), applied);
        assertFalse(applied.contains("s3cret"), applied);
    }

    @Test
    void rejectedConfigurationKeepsThePreviousOneRunning() throws Exception {
        FrrConfig good = Configs.underlayAllSessionOptions();
        assertTrue(frr.apply(good).get().ok());
        ApplyResult result = frr.apply(withLocalNeighbor(good)).get();

        System.out.println("rejected after " + result.duration().toMillis() + " ms: " + result.message());
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("Can not configure the local system as neighbor"), result.message());
        assertFalse(result.message().contains("other-secret") || result.message().contains("s3cret"), result.message());
        String running = frr.runningConfig();
        assertFalse(running.contains(LOCAL_ADDRESS), running);
        assertFalse(running.contains("10.1.0.0/16"), "the part FRR had accepted must be rolled back:\n" + running);
        assertTrue(running.contains("neighbor 192.168.11.2 timers 1 3"), running);
        assertEquals(Optional.of(good), frr.appliedConfig());
        assertEquals(List.of(), FrrTestSupport.residue(settings, new Layout(settings).rollbackFile()));
    }
}
