package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.FrrSettings;

/**
 * Raw snippets on a real FRR 8.4: applied after the typed configuration, changed and removed
 * through frr-reload, checked by FRR before anything is applied (a bad one is refused, named, and
 * FRR keeps running the configuration before it), and a typed change beside unchanged snippets
 * still goes as a delta; a restarted bgpd gets the snippets' route maps and prefix lists back.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawSnippetFrrTest {

    private static final RawSnippet ROUTE_MAP = new RawSnippet("rawfrrconfig maps", "rawConfig", 10,
            "route-map RAW-MAP permit 10\n set metric 42\nexit");
    private static final RawSnippet COMMUNITY = new RawSnippet("rawfrrconfig communities", "rawConfig", 0,
            "bgp community-list standard RAW-COMM seq 5 permit 64512:100");

    private FrrSettings settings;
    private DefaultFrrInstance frr;

    @BeforeAll
    void startFrr() {
        FrrTestSupport.assumeFrrAvailable();
        settings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frw-"));
        FrrTestSupport.createNamespace(settings);
        frr = FrrTestSupport.closedAtShutdown(DefaultFrrInstance.open(settings));
    }

    @AfterAll
    void stopFrr() {
        FrrTestSupport.destroyAll(frr, null, settings);
    }

    private ApplyResult apply(FrrConfig config) throws Exception {
        return frr.apply(config).get();
    }

    private String running() {
        return frr.runningConfig();
    }

    private List<String> residue() {
        return FrrTestSupport.residue(settings, new Layout(settings).candidateFile());
    }

    @Test
    void snippetsAreAppliedChangedRejectedAndRemoved() throws Exception {
        FrrConfig typed = Configs.underlayOnly();
        assertTrue(apply(typed).ok());

        ApplyResult added = apply(typed.withRawSnippets(List.of(ROUTE_MAP, COMMUNITY)));
        assertEquals(Outcome.APPLIED, added.outcome(), added.message());
        assertTrue(added.message().contains("line(s) changed"), "through frr-reload: " + added.message());
        assertTrue(running().contains("route-map RAW-MAP permit 10\n set metric 42"), running());
        assertTrue(running().contains("bgp community-list standard RAW-COMM seq 5 permit 64512:100"), running());
        assertEquals(List.of(), residue());

        RawSnippet changed = new RawSnippet("rawfrrconfig maps", "rawConfig", 10, "route-map RAW-MAP permit 10\n set metric 7\nexit");
        ApplyResult edited = apply(typed.withRawSnippets(List.of(changed, COMMUNITY)));
        assertEquals(Outcome.APPLIED, edited.outcome(), edited.message());
        assertTrue(running().contains(" set metric 7"), running());
        assertFalse(running().contains(" set metric 42"), "frr-reload removed the old line: " + running());
        assertEquals(List.of(), residue());

        FrrConfig inForce = typed.withRawSnippets(List.of(changed, COMMUNITY));
        RawSnippet bad = new RawSnippet("rawfrrconfig typo", "rawConfig", 5, "route-map RAW-TYPO permit 10\n set metrik 1\nexit");
        ApplyResult refused = apply(inForce.withRawSnippets(List.of(changed, COMMUNITY, bad)));
        assertEquals(Outcome.FAILED, refused.outcome());
        assertTrue(refused.message().startsWith("rawfrrconfig typo: FRR refused 'rawConfig' at its line 2 ('set metrik 1')"),
                refused.message());
        assertTrue(refused.message().contains("Unknown command"), refused.message());
        assertFalse(running().contains("RAW-TYPO"), "nothing of the refused configuration is applied: " + running());
        assertTrue(running().contains(" set metric 7"), running());
        ApplyResult back = apply(inForce);
        assertEquals(Outcome.UNCHANGED, back.outcome(), "FRR still runs the configuration in force: " + back.message());

        ApplyResult typedChange = apply(Configs.evpnWithL3vni().withRawSnippets(List.of(changed, COMMUNITY)));
        assertEquals(Outcome.APPLIED, typedChange.outcome(), typedChange.message());
        assertTrue(typedChange.message().contains("command(s) sent"), "a typed change goes as a delta: " + typedChange.message());
        assertEquals(List.of(), residue());

        ApplyResult removed = apply(Configs.evpnWithL3vni());
        assertEquals(Outcome.APPLIED, removed.outcome(), removed.message());
        assertFalse(running().contains("RAW-MAP"), running());
        assertFalse(running().contains("RAW-COMM"), running());
        assertEquals(List.of(), residue());
    }

    @Test
    void aSnippetAddingToOpenPesOwnInstanceSurvivesATypedChangeOfIt() throws Exception {
        RawSnippet description = new RawSnippet("rawfrrconfig describe", "rawConfig", 0,
                "router bgp 64514\n neighbor 192.168.11.2 description tor\nexit");
        assertTrue(apply(Configs.underlayOnly().withRawSnippets(List.of(description))).ok());
        assertTrue(running().contains(" neighbor 192.168.11.2 description tor"), running());

        // the delta's check sees the snippet's line in the instance it touched, and frr-reload confirms
        ApplyResult typedChange = apply(Configs.evpnWithL3vni().withRawSnippets(List.of(description)));
        assertTrue(typedChange.ok(), typedChange.message());
        assertTrue(running().contains(" advertise-all-vni"), running());
        assertTrue(running().contains(" neighbor 192.168.11.2 description tor"), running());
        assertEquals(List.of(), residue());
    }

    @Test
    void aRestartedBgpdGetsTheSnippetsRouteMapsAndPrefixListsBack() throws Exception {
        RawSnippet policies = new RawSnippet("rawfrrconfig policies", "rawConfig", 0,
                "ip prefix-list RAW-PL seq 5 permit 10.0.0.0/8\nroute-map RAW-RM permit 10\n match ip address prefix-list RAW-PL\nexit");
        assertTrue(apply(Configs.underlayOnly().withRawSnippets(List.of(policies))).ok());
        VtyBatch vty = new VtyBatch(settings.pathspaceRunDir(), new DaemonActivity());
        assertTrue(vty.runningConfigs(Set.of("bgpd")).get("bgpd").contains("route-map RAW-RM permit 10"));
        long oldPid = new Daemons(settings).runningPid("bgpd").orElseThrow();

        ProcessHandle.of(oldPid).orElseThrow().destroyForcibly();

        // vtysh's running configuration shows zebra's copies, so frr-reload alone would not give them back to bgpd
        FrrTestSupport.await("bgpd to have the snippet's route map and prefix list again", Duration.ofSeconds(60), () -> {
            try {
                String bgpd = vty.runningConfigs(Set.of("bgpd")).get("bgpd");
                return bgpd.contains("route-map RAW-RM permit 10\n match ip address prefix-list RAW-PL")
                        && bgpd.contains("ip prefix-list RAW-PL seq 5 permit 10.0.0.0/8");
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
