package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.frr.VrfVni;
import org.openpe.api.model.PeerType;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrListener;
import org.openpe.frr.FrrSettings;

/**
 * Every construct the renderer emits, changed as a delta on a real FRR 8.4: each change must go
 * as a delta (not through the frr-reload fallback), and frr-reload must then find nothing left to
 * change, in both directions.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrrDeltaTest {

    private static final String TOR = "192.168.11.2";
    private static final String PROFILE = BfdProfile.nameFor(TOR);
    private static final String LOCAL_ADDRESS = "192.168.50.1";

    private FrrSettings settings;
    private DefaultFrrInstance frr;

    @BeforeAll
    void startFrr() {
        FrrTestSupport.assumeFrrAvailable();
        settings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frd-"));
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

    @BeforeEach
    void startFromTheBase() throws Exception {
        assertTrue(frr.apply(Configs.evpnWithL3vni()).get().ok());
    }

    @Test
    void everyNeighborFieldIsAddedChangedAndRemoved() throws Exception {
        Map<String, UnaryOperator<BgpNeighbor>> edits = new LinkedHashMap<>();
        edits.put("port", n -> n.withPort(1790));
        edits.put("port changed", n -> n.withPort(1791));
        edits.put("timers", n -> n.withTimers(3, 1));
        edits.put("timers changed", n -> n.withTimers(9, 3));
        edits.put("connect time", n -> n.withConnectTime(1));
        edits.put("connect time changed", n -> n.withConnectTime(5));
        edits.put("ebgp-multihop", n -> n.withEbgpMultihop(true));
        edits.put("password", n -> n.withPassword("s3cret"));
        edits.put("password changed", n -> n.withPassword("0ther"));
        edits.put("plain BFD", BgpNeighbor::withBfd);
        edits.put("allowas-in off", n -> n.withAllowAsIn(false));
        edits.put("EVPN off", n -> n.withEvpn(false));
        edits.put("permissive route maps", n -> n.withPermissiveRouteMaps(true));
        BgpNeighbor tor = Configs.tor(TOR).withEvpn(true);
        for (var edit : edits.entrySet()) {
            BgpNeighbor edited = edit.getValue().apply(tor);
            assertDelta(edit.getKey(), withTor(edited, List.of()));
            assertDelta(edit.getKey() + " undone", withTor(tor, List.of()));
            tor = edited;
        }
        assertDelta("everything at once undone", withTor(Configs.tor(TOR).withEvpn(true), List.of()));
        assertDelta("remote AS changed", withTor(BgpNeighbor.of(TOR, 64513).withAllowAsIn(true).withEvpn(true), List.of()));
    }

    @Test
    void aSecondTorInItsOwnAsnTurnsOnMultipathAcrossAsPathsAndLeavingTurnsItOff() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpRouter underlay = base.defaultRouter().orElseThrow();
        BgpNeighbor secondTor = BgpNeighbor.of("192.168.12.2", 64513).withAllowAsIn(true).withEvpn(true);
        List<BgpNeighbor> both = new ArrayList<>(underlay.neighbors());
        both.add(secondTor);
        assertDelta("a second ToR", withDefaultRouter(base, underlay.withNeighborsAndNetworks(both, underlay.networks())));
        String running = frr.runningConfig();
        assertTrue(running.contains(ConfigRenderer.MULTIPATH_RELAX + "\n"), running);
        assertDelta("back to one ToR", base);
        assertFalse(frr.runningConfig().contains("multipath-relax"), frr.runningConfig());
    }

    @Test
    void bfdProfilesAreAddedChangedAndRemovedWithTheirNeighbors() throws Exception {
        BgpNeighbor tor = Configs.tor(TOR).withEvpn(true);
        BfdProfile profile = BfdProfile.named(PROFILE);
        assertDelta("profile with defaults", withTor(tor.withBfdProfile(PROFILE), List.of(profile)));
        profile = profile.withReceiveInterval(200).withTransmitInterval(250).withDetectMultiplier(5);
        assertDelta("intervals and multiplier", withTor(tor.withBfdProfile(PROFILE), List.of(profile)));
        profile = profile.withEchoMode(true).withEchoInterval(60).withPassiveMode(true).withMinimumTtl(250);
        assertDelta("echo, passive, minimum TTL", withTor(tor.withBfdProfile(PROFILE), List.of(profile)));
        profile = BfdProfile.named(PROFILE).withDetectMultiplier(4);
        assertDelta("settings removed", withTor(tor.withBfdProfile(PROFILE), List.of(profile)));
        BfdProfile other = BfdProfile.named("other").withReceiveInterval(500);
        assertDelta("neighbor moves to another profile", withTor(tor.withBfdProfile("other"), List.of(profile, other)));
        assertDelta("profile removed, plain BFD", withTor(tor.withBfd(), List.of()));
        assertDelta("profile again", withTor(tor.withBfdProfile(PROFILE), List.of(profile)));
        assertDelta("BFD and profile removed", withTor(tor, List.of()));
    }

    @Test
    void vrfsVnisNetworksAndInstancesComeAndGo() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpRouter red = base.vrfRouters().stream().filter(r -> r.vrf().orElseThrow().equals("red")).findFirst().orElseThrow();
        assertDelta("VNI of red changed", new FrrConfig("pe1", "informational",
                List.of(new VrfVni("red", 101), new VrfVni("blue", 200)), List.of(), base.defaultRouter(), base.vrfRouters()));
        assertDelta("back", base);
        BgpRouter redMore = new BgpRouter(red.asn(), red.vrf(), "10.0.0.9", List.of(red.neighbors().get(0),
                BgpNeighbor.of("2001:db8:10::2", 64515).withPermissiveRouteMaps(true)),
                List.of("192.169.10.2/32", "10.5.0.0/16", "2001:db8:10::2/128"), false, true);
        assertDelta("router id, IPv6 neighbor, networks", replaceVrfRouter(base, redMore));
        assertDelta("back again", base);
        BgpRouter green = BgpRouter.vrfInstance(64530, "green", Configs.ROUTER_ID,
                List.of(BgpNeighbor.of("192.169.30.2", 64515).withPermissiveRouteMaps(true)), List.of());
        List<BgpRouter> withGreen = new ArrayList<>(base.vrfRouters());
        withGreen.add(green);
        List<VrfVni> vnis = new ArrayList<>(base.vrfVnis());
        vnis.add(new VrfVni("green", 300));
        assertDelta("a VRF with its own AS: instance before VNI", new FrrConfig("pe1", "informational", vnis, List.of(),
                base.defaultRouter(), withGreen));
        assertDelta("it goes again", base);
        assertDelta("every VRF goes, and the route map with them", Configs.underlayOnly());
        assertDelta("no BGP at all", Configs.noUnderlay());
        assertDelta("everything from nothing", base);
    }

    @Test
    void routeTargetsOfVrfsAndL2VnisComeChangeAndGo() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpRouter red = base.vrfRouters().stream().filter(r -> r.vrf().orElseThrow().equals("red")).findFirst().orElseThrow();
        RouteTargets rts = new RouteTargets(Optional.of("10.0.0.1:100"), List.of("64512:100", "192.0.2.1:7"),
                List.of("64512:100"));
        assertDelta("rd and route targets of VRF red", replaceVrfRouter(base, red.withRouteTargets(rts)));
        assertTrue(frr.runningConfig().contains("  route-target import 192.0.2.1:7\n"), frr.runningConfig());
        RouteTargets changed = new RouteTargets(Optional.of("64514:1100"), List.of("64512:100", "4200000000:65535"),
                List.of("64512:101", "65000:4294967295"));
        assertDelta("rd and route targets changed", replaceVrfRouter(base, red.withRouteTargets(changed)));
        assertDelta("import and export alike", replaceVrfRouter(base, red.withRouteTargets(
                new RouteTargets(Optional.empty(), List.of("64512:100"), List.of("64512:100")))));
        assertDelta("back to FRR's own", base);
        BgpRouter underlay = base.defaultRouter().orElseThrow();
        FrrConfig withL2 = withDefaultRouter(base, underlay.withVniRouteTargets(List.of(new VniRouteTargets(110, rts),
                new VniRouteTargets(120, new RouteTargets(Optional.empty(), List.of("64512:120"), List.of())))));
        assertDelta("vni blocks of two L2VNIs", withL2);
        assertTrue(frr.runningConfig().contains("  vni 120\n   route-target import 64512:120\n"), frr.runningConfig());
        assertDelta("one changed, one gone", withDefaultRouter(base, underlay.withVniRouteTargets(List.of(new VniRouteTargets(110, changed)))));
        assertDelta("vni blocks gone", base);
        String running = frr.runningConfig();
        assertFalse(running.contains("route-target"), running);
    }

    @Test
    void gracefulRestartAndItsTimersComeAndGo() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        assertDelta("graceful restart with FRR's timers", gracefulRestart(base, new GracefulRestart(120, 360)));
        assertTrue(frr.runningConfig().contains(" bgp graceful-restart\n"), frr.runningConfig());
        assertDelta("timers set", gracefulRestart(base, new GracefulRestart(60, 300)));
        assertDelta("timers changed", gracefulRestart(base, new GracefulRestart(4095, 1)));
        assertDelta("timers back to FRR's", gracefulRestart(base, new GracefulRestart(120, 360)));
        assertDelta("graceful restart off", base);
        assertFalse(frr.runningConfig().contains("graceful-restart"), frr.runningConfig());
    }

    @Test
    void peersGivenByTypeForIbgpAndAnyAsEbgp() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpNeighbor internal = BgpNeighbor.of(TOR, PeerType.INTERNAL).withAllowAsIn(true).withEvpn(true);
        assertDelta("the ToR as iBGP peer", withTor(internal, List.of()));
        assertTrue(frr.runningConfig().contains("neighbor " + TOR + " remote-as internal"), frr.runningConfig());
        assertDelta("as any-AS eBGP peer", withTor(BgpNeighbor.of(TOR, PeerType.EXTERNAL).withEvpn(true), List.of()));
        BgpRouter red = base.vrfRouters().stream().filter(r -> r.vrf().orElseThrow().equals("red")).findFirst().orElseThrow();
        BgpRouter redInternal = new BgpRouter(red.asn(), red.vrf(), red.routerId(),
                List.of(BgpNeighbor.of("192.169.10.2", PeerType.INTERNAL).withPermissiveRouteMaps(true)), red.networks(),
                false, true);
        assertDelta("host session as iBGP", replaceVrfRouter(withTor(BgpNeighbor.of(TOR, PeerType.EXTERNAL).withEvpn(true),
                List.of()), redInternal));
        assertDelta("back to AS numbers", base);
    }

    @Test
    void asChangesReplaceTheInstances() throws Exception {
        assertDelta("vrf red in AS 64520", Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520));
        assertDelta("underlay in AS 64600", Configs.evpnWithL3vni(64600, 64520));
        assertDelta("both back", Configs.evpnWithL3vni());
        String running = frr.runningConfig();
        assertTrue(running.contains("router bgp 64514 vrf red\n"), running);
        assertTrue(running.contains("vrf red\n vni 100\n"), running);
    }

    @Test
    void hostnameAndLogLevelChangeInPlace() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        assertDelta("log level", new FrrConfig("pe1", "debugging", base.vrfVnis(), List.of(), base.defaultRouter(),
                base.vrfRouters()));
        assertDelta("log level and hostname", new FrrConfig("pe2", "warnings", base.vrfVnis(), List.of(), base.defaultRouter(),
                base.vrfRouters()));
        assertDelta("back", base);
    }

    @Test
    void aRefusedDeltaFallsBackAndKeepsThePreviousConfiguration() throws Exception {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpRouter underlay = base.defaultRouter().orElseThrow();
        List<BgpNeighbor> neighbors = new ArrayList<>(underlay.neighbors());
        neighbors.add(BgpNeighbor.of(LOCAL_ADDRESS, 64999).withPassword("never-shown")); // FRR refuses the local system
        FrrConfig refused = new FrrConfig("pe1", "informational", base.vrfVnis(), List.of(), Optional.of(new BgpRouter(
                underlay.asn(), Optional.empty(), underlay.routerId(), neighbors, underlay.networks(), true, false)),
                base.vrfRouters());

        ApplyResult result = frr.apply(refused).get();

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("The previous configuration was restored."), result.message());
        assertFalse(result.message().contains("never-shown"), result.message());
        assertEquals(Optional.of(base), frr.appliedConfig());
        assertEquals(List.of(), FrrTestSupport.residue(settings, new Layout(settings).rollbackFile()));
        assertDelta("a delta works again afterwards", Configs.evpnWithL3vni(Configs.UNDERLAY_ASN, 64520));
    }

    @Test
    void aDeltaPersistsWhatItAppliedInFilesOnlyRootCanRead() throws Exception {
        FrrConfig withPassword = withTor(Configs.tor(TOR).withEvpn(true).withPassword("s3cret"), List.of());
        assertDelta("password", withPassword);
        Layout layout = new Layout(settings);
        assertEquals(renderer().render(withPassword), Files.readString(layout.persistedFile()));
        for (Path file : List.of(layout.persistedFile(), layout.candidateFile())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @Test
    void driftByHandIsFoundAndRepaired() throws Exception {
        FrrTestSupport.sh(settings.vtysh().toString(), "-N", settings.pathspace(), "-c", "configure terminal",
                "-c", "router bgp 64514 vrf red", "-c", "no neighbor 192.169.10.2 route-map allowall in");
        assertFalse(FrrTestSupport.residue(settings, new Layout(settings).candidateFile()).isEmpty());
        List<ApplyResult> repairs = new CopyOnWriteArrayList<>();
        FrrListener listener = new FrrListener() {
            @Override
            public void driftRepaired(FrrInstance instance, ApplyResult result) {
                repairs.add(result);
            }
        };
        frr.addListener(listener);
        try {
            ApplyResult check = frr.checkDrift().get();

            assertEquals(Outcome.APPLIED, check.outcome(), check.message());
            assertEquals(List.of(), FrrTestSupport.residue(settings, new Layout(settings).candidateFile()));
            assertEquals(Outcome.UNCHANGED, frr.checkDrift().get().outcome());
            assertEquals(List.of(check), repairs, "listeners are told of the repair, and only of it");
        } finally {
            frr.removeListener(listener);
        }
    }

    private void assertDelta(String what, FrrConfig target) throws Exception {
        ApplyResult result = frr.apply(target).get();
        System.out.printf("delta %-48s %-9s %5d ms  %s%n", what, result.outcome(), result.duration().toMillis(), result.message());
        assertEquals(Outcome.APPLIED, result.outcome(), what + ": " + result.message());
        assertTrue(result.message().endsWith("command(s) sent"), what + " must go as a delta, not reloaded: " + result.message());
        assertEquals(List.of(), FrrTestSupport.residue(settings, new Layout(settings).candidateFile()), what);
    }

    private ConfigRenderer renderer() {
        return new ConfigRenderer(new Layout(settings).frrLogFile());
    }

    private static FrrConfig withTor(BgpNeighbor tor, List<BfdProfile> profiles) {
        FrrConfig base = Configs.evpnWithL3vni();
        BgpRouter underlay = base.defaultRouter().orElseThrow();
        return new FrrConfig("pe1", "informational", base.vrfVnis(), profiles, Optional.of(new BgpRouter(underlay.asn(),
                Optional.empty(), underlay.routerId(), List.of(tor), underlay.networks(), true, false)), base.vrfRouters());
    }

    private static FrrConfig withDefaultRouter(FrrConfig base, BgpRouter router) {
        return new FrrConfig(base.hostname(), base.logLevel(), base.vrfVnis(), base.bfdProfiles(), Optional.of(router),
                base.vrfRouters());
    }

    /** Graceful restart in every instance, as the core builds it from the underlay. */
    private static FrrConfig gracefulRestart(FrrConfig base, GracefulRestart gr) {
        return new FrrConfig(base.hostname(), base.logLevel(), base.vrfVnis(), base.bfdProfiles(),
                base.defaultRouter().map(r -> r.withGracefulRestart(Optional.of(gr))),
                base.vrfRouters().stream().map(r -> r.withGracefulRestart(Optional.of(gr))).toList());
    }

    private static FrrConfig replaceVrfRouter(FrrConfig base, BgpRouter router) {
        List<BgpRouter> routers = base.vrfRouters().stream().map(r -> r.vrf().equals(router.vrf()) ? router : r).toList();
        return new FrrConfig(base.hostname(), base.logLevel(), base.vrfVnis(), base.bfdProfiles(), base.defaultRouter(), routers);
    }
}
