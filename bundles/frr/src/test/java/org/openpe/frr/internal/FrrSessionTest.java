package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.BfdPeer;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.DaemonState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrListener;
import org.openpe.frr.FrrSettings;
import org.openpe.frr.ZebraInterface;

/**
 * Two FRR instances in two namespaces joined by a veth pair: "pe" configured and supervised by
 * this bundle, "peer" a plain FRR configured by hand. Session properties are checked from the
 * peer's side.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrrSessionTest {

    private static final String PE_ADDRESS = "192.168.11.1";
    private static final String PEER_ADDRESS = "192.168.11.2";
    private static final String PASSWORD = "s3cret-pw";
    private static final String PEER_MAC = "00:11:22:33:44:55";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PEER_CONFIG = """
            hostname peer
            router bgp 64512
             no bgp ebgp-requires-policy
             no bgp default ipv4-unicast
             bgp router-id 10.0.0.100
             neighbor 192.168.11.1 remote-as 64514
             neighbor 192.168.11.1 password s3cret-pw
             neighbor 192.168.11.1 timers connect 1
             neighbor 192.168.11.1 bfd
             address-family ipv4 unicast
              network 10.99.0.0/24
              neighbor 192.168.11.1 activate
             exit-address-family
             address-family l2vpn evpn
              neighbor 192.168.11.1 activate
              advertise-all-vni
             exit-address-family
            exit
            """;

    private FrrSettings peSettings;
    private FrrSettings peerSettings;
    private FrrManagerComponent manager;
    private FrrInstance pe;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startBothRouters() throws Exception {
        FrrTestSupport.assumeFrrAvailable();
        peSettings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frt-"));
        peerSettings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frt-"));
        FrrTestSupport.createNamespace(peSettings);
        FrrTestSupport.createNamespace(peerSettings);
        FrrTestSupport.connect(peSettings.namespace(), "frta0", PE_ADDRESS + "/24", peerSettings.namespace(), "frtb0",
                PEER_ADDRESS + "/24");
        l2vni(peSettings.namespace(), PE_ADDRESS);
        l2vni(peerSettings.namespace(), PEER_ADDRESS);
        FrrTestSupport.startPeer(peerSettings, PEER_CONFIG);

        manager = FrrTestSupport.deactivatedAtShutdown(new FrrManagerComponent());
        pe = manager.instance(peSettings);
        pe.addListener(new Recorder());
    }

    /** VNI 110 (bridge br-pe-110, VXLAN vni110); the peer also has a host MAC behind it, for a type-2 route. */
    private static void l2vni(String ns, String vtep) {
        FrrTestSupport.sh("ip", "-n", ns, "link", "add", "br-pe-110", "type", "bridge");
        FrrTestSupport.sh("ip", "-n", ns, "link", "add", "vni110", "type", "vxlan", "id", "110", "dstport", "4789", "local",
                vtep, "nolearning");
        FrrTestSupport.sh("ip", "-n", ns, "link", "set", "vni110", "master", "br-pe-110");
        FrrTestSupport.sh("ip", "-n", ns, "link", "set", "br-pe-110", "up");
        FrrTestSupport.sh("ip", "-n", ns, "link", "set", "vni110", "up");
        if (vtep.equals(PEER_ADDRESS)) {
            FrrTestSupport.sh("ip", "-n", ns, "link", "add", "host110", "type", "veth", "peer", "name", "hostx110");
            FrrTestSupport.sh("ip", "-n", ns, "link", "set", "host110", "master", "br-pe-110");
            FrrTestSupport.sh("ip", "-n", ns, "link", "set", "host110", "up");
            FrrTestSupport.sh("ip", "-n", ns, "link", "set", "hostx110", "up");
            FrrTestSupport.sh("bridge", "-n", ns, "fdb", "add", PEER_MAC, "dev", "host110", "master", "static");
        }
    }

    @AfterAll
    void destroyBothRouters() {
        FrrTestSupport.destroyAll(pe, manager, peSettings, peerSettings);
    }

    private static FrrConfig peConfig(List<BgpNeighbor> extraNeighbors) {
        String profile = BfdProfile.nameFor(PEER_ADDRESS);
        List<BgpNeighbor> neighbors = new ArrayList<>(List.of(BgpNeighbor.of(PEER_ADDRESS, 64512).withTimers(3, 1)
                .withConnectTime(1).withPassword(PASSWORD).withBfdProfile(profile).withAllowAsIn(true).withEvpn(true)
                .withPermissiveRouteMaps(true)));
        neighbors.addAll(extraNeighbors);
        return new FrrConfig("pe", "informational", List.of(),
                List.of(BfdProfile.named(profile).withReceiveInterval(200).withTransmitInterval(250).withDetectMultiplier(4)),
                Optional.of(BgpRouter.defaultInstance(64514, "10.0.0.1", neighbors, List.of("100.65.0.0/32"), true)),
                List.of());
    }

    @Test
    @Order(1)
    void sessionComesUpWithTheConfiguredTimersPasswordAndBfd() throws Exception {
        long start = System.nanoTime();
        ApplyResult result = pe.apply(peConfig(List.of())).get();
        assertEquals(Outcome.APPLIED, result.outcome(), result.message());
        Duration converged = FrrTestSupport.await("peer-side session Established", Duration.ofSeconds(60),
                () -> peerSideNeighbor().path("bgpState").asText().equals("Established"));
        System.out.printf("apply %d ms; Established %d ms after apply%n", result.duration().toMillis(), converged.toMillis());
        System.out.printf("apply-to-Established total %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());

        JsonNode neighbor = peerSideNeighbor();
        assertEquals(3000, neighbor.path("bgpTimerHoldTimeMsecs").asInt(), neighbor.toString());
        assertEquals(1000, neighbor.path("bgpTimerKeepAliveIntervalMsecs").asInt(), neighbor.toString());

        FrrTestSupport.await("peer-side BFD session up", Duration.ofSeconds(30),
                () -> "up".equals(peerSideBfd().path("status").asText()));
        JsonNode bfd = peerSideBfd();
        assertEquals(200, bfd.path("remote-receive-interval").asInt(), bfd.toString());
        assertEquals(250, bfd.path("remote-transmit-interval").asInt(), bfd.toString());
        assertEquals(4, bfd.path("remote-detect-multiplier").asInt(), bfd.toString());

        BgpNeighborState own = pe.bgpNeighbors().stream()
                .filter(n -> n.vrf().equals("default") && n.addressFamily().equals("ipv4Unicast") && n.peer().equals(PEER_ADDRESS))
                .findFirst().orElseThrow();
        assertTrue(own.established(), own.toString());
        assertEquals(64512, own.remoteAs());
        FrrTestSupport.await("prefix 10.99.0.0/24 received", Duration.ofSeconds(10), () -> pe.bgpNeighbors().stream()
                .anyMatch(n -> n.addressFamily().equals("ipv4Unicast") && n.prefixesReceived() == 1));
        BfdPeer ownBfd = pe.bfdPeers().stream().filter(p -> p.peer().equals(PEER_ADDRESS)).findFirst().orElseThrow();
        assertEquals("up", ownBfd.status());
        assertEquals(200, ownBfd.receiveInterval());
        assertEquals(4, ownBfd.detectMultiplier());
        assertTrue(pe.daemons().stream().allMatch(DaemonState::running), pe.daemons().toString());
        assertFalse(pe.runningConfig().contains(PASSWORD));
    }

    @Test
    @Order(2)
    void evpnRoutesAndVnisAreObserved() throws Exception {
        Duration seen = FrrTestSupport.await("type-2 and type-3 routes of the peer", Duration.ofSeconds(30), () -> {
            List<EvpnRoute> routes = pe.evpnRoutes();
            return routes.stream().anyMatch(r -> r.routeType() == 3 && r.ip().equals(Optional.of(PEER_ADDRESS)))
                    && routes.stream().anyMatch(r -> r.routeType() == 2 && r.mac().equals(Optional.of(PEER_MAC)));
        });
        System.out.printf("EVPN routes seen after %d ms%n", seen.toMillis());
        EvpnRoute mac = pe.evpnRoutes().stream().filter(r -> r.mac().equals(Optional.of(PEER_MAC))).findFirst().orElseThrow();
        assertEquals(PEER_ADDRESS, mac.nextHop(), mac.toString());
        assertEquals(OptionalLong.of(110), mac.vni(), mac.toString());
        assertEquals(Optional.of(PEER_ADDRESS), mac.peer(), mac.toString());

        FrrTestSupport.await("VNI 110 with one remote VTEP", Duration.ofSeconds(30), () -> pe.evpnVnis().stream()
                .anyMatch(v -> v.vni() == 110 && v.remoteVteps().orElse(0) == 1));
        EvpnVni vni = pe.evpnVnis().stream().filter(v -> v.vni() == 110).findFirst().orElseThrow();
        assertEquals("L2", vni.type());
        assertEquals("vni110", vni.vxlanInterface());
    }

    @Test
    @Order(2)
    void zebraInterfacesCarryTheKernelsIndexAndAddresses() {
        ZebraInterface leg = pe.interfaces().stream().filter(i -> i.name().equals("frta0")).findFirst().orElseThrow();
        String kernel = FrrTestSupport.sh("ip", "-n", peSettings.namespace(), "-o", "link", "show", "frta0");

        assertEquals(kernel.substring(0, kernel.indexOf(':')), String.valueOf(leg.index()), kernel);
        assertEquals("default", leg.vrf());
        assertTrue(leg.addresses().contains(PE_ADDRESS + "/24"), leg.toString());
        assertEquals(List.of(leg), pe.interfaces(Set.of("default", "no-such-vrf")).stream()
                .filter(i -> i.name().equals("frta0")).toList(), "asked of zebra's vty VRF by VRF; an unknown VRF has none");
        assertEquals(List.of(), pe.interfaces(Set.of("no-such-vrf")));
    }

    @Test
    @Order(3)
    void identicalConfigurationDoesNotResetTheSessionEvenAfterARuntimeRestart() throws Exception {
        JsonNode before = peerSideNeighbor();
        List<DaemonState> daemonsBefore = pe.daemons();

        ApplyResult again = pe.apply(peConfig(List.of())).get();
        assertEquals(Outcome.UNCHANGED, again.outcome(), again.message());

        // a runtime restart: the manager goes away, a new one adopts the running daemons
        manager.deactivate();
        manager = FrrTestSupport.deactivatedAtShutdown(new FrrManagerComponent());
        pe = manager.instance(peSettings);
        pe.addListener(new Recorder());
        assertEquals(daemonsBefore, pe.daemons(), "running daemons must be adopted, not restarted");
        ApplyResult afterRestart = pe.apply(peConfig(List.of())).get();
        System.out.printf("unchanged check after restart (frr-reload --test): %d ms%n", afterRestart.duration().toMillis());
        assertEquals(Outcome.UNCHANGED, afterRestart.outcome(), afterRestart.message());

        Thread.sleep(2000);
        JsonNode after = peerSideNeighbor();
        assertEquals("Established", after.path("bgpState").asText());
        assertEquals(before.path("connectionsEstablished").asInt(), after.path("connectionsEstablished").asInt());
        assertEquals(before.path("connectionsDropped").asInt(), after.path("connectionsDropped").asInt());
        assertTrue(after.path("bgpTimerUpMsec").asLong() >= before.path("bgpTimerUpMsec").asLong() + 2000,
                "uptime must keep growing: " + before.path("bgpTimerUpMsec") + " -> " + after.path("bgpTimerUpMsec"));
    }

    @Test
    @Order(4)
    void rejectedConfigurationKeepsTheRunningOneAndItsSession() throws Exception {
        JsonNode before = peerSideNeighbor();
        // our own address as neighbor: valid syntax, refused by bgpd
        ApplyResult result = pe.apply(peConfig(List.of(BgpNeighbor.of(PE_ADDRESS, 64999).withPassword("other-pw")))).get();

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("Can not configure the local system as neighbor"), result.message());
        assertFalse(result.message().contains("other-pw"), result.message());
        assertEquals(Optional.of(peConfig(List.of())), pe.appliedConfig());
        assertEquals(Optional.of(result), pe.lastResult());
        Thread.sleep(1000);
        JsonNode after = peerSideNeighbor();
        assertEquals("Established", after.path("bgpState").asText());
        assertEquals(before.path("connectionsEstablished").asInt(), after.path("connectionsEstablished").asInt());
    }

    @Test
    @Order(5)
    void killedBgpdIsRestartedAndItsConfigurationRestored() throws Exception {
        long oldPid = pid("bgpd");
        int established = peerSideNeighbor().path("connectionsEstablished").asInt();
        events.clear();
        long start = System.nanoTime();
        ProcessHandle.of(oldPid).orElseThrow().destroyForcibly(); // SIGKILL

        Duration restarted = FrrTestSupport.await("bgpd restarted", Duration.ofSeconds(30),
                () -> events.stream().anyMatch(e -> e.startsWith("restarted bgpd")));
        Duration restored = FrrTestSupport.await("configuration restored", Duration.ofSeconds(60),
                () -> events.contains("restored APPLIED"));
        FrrTestSupport.await("session Established again", Duration.ofSeconds(60),
                () -> peerSideNeighbor().path("bgpState").asText().equals("Established")
                        && peerSideNeighbor().path("connectionsEstablished").asInt() > established);
        System.out.printf("kill -9 bgpd: restarted after %d ms, config restored after %d ms, Established after %d ms%n",
                restarted.toMillis(), restarted.plus(restored).toMillis(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertNotEquals(oldPid, pid("bgpd"));
        assertTrue(events.contains("restarted bgpd " + pid("bgpd")), events.toString());
        JsonNode neighbor = peerSideNeighbor();
        assertEquals(3000, neighbor.path("bgpTimerHoldTimeMsecs").asInt(), "timers must be restored too");
        // vtysh's running-config shows zebra's copy of the route map, so frr-reload alone would not give it back to bgpd
        FrrTestSupport.await("routes flowing both ways through the restored route map", Duration.ofSeconds(30),
                () -> receivedPrefixes() == 1 && peerSideNeighbor().path("addressFamilyInfo").path("ipv4Unicast")
                        .path("acceptedPrefixCounter").asInt() == 1);
    }

    private long receivedPrefixes() {
        return pe.bgpNeighbors().stream().filter(n -> n.addressFamily().equals("ipv4Unicast") && n.peer().equals(PEER_ADDRESS))
                .mapToLong(BgpNeighborState::prefixesReceived).sum();
    }

    @Test
    @Order(6)
    void killedZebraTakesEveryDaemonDownAndUpAgain() throws Exception {
        List<DaemonState> before = pe.daemons();
        events.clear();
        long start = System.nanoTime();
        ProcessHandle.of(pid("zebra")).orElseThrow().destroyForcibly();

        FrrTestSupport.await("configuration restored", Duration.ofSeconds(60), () -> events.contains("restored APPLIED"));
        FrrTestSupport.await("session Established again", Duration.ofSeconds(60),
                () -> peerSideNeighbor().path("bgpState").asText().equals("Established"));
        System.out.printf("kill -9 zebra: all daemons restarted and session Established after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        for (DaemonState old : before) {
            long now = pid(old.name());
            assertNotEquals(old.pid().orElseThrow(), now, old.name());
            assertTrue(events.contains("restarted " + old.name() + " " + now), events.toString());
        }
    }

    @Test
    @Order(7)
    void unsupervisedInstanceOnlyObservesAndApplies() throws Exception {
        FrrSettings observer = peerSettings.withSupervise(false);
        List<DaemonState> peerDaemons = new Daemons(peerSettings).states();
        try (FrrInstance peer = DefaultFrrInstance.open(observer)) {
            assertEquals(peerDaemons, peer.daemons());
            assertTrue(peer.bgpNeighbors().stream().anyMatch(n -> n.peer().equals(PE_ADDRESS) && n.established()));
        }
        assertEquals(peerDaemons, new Daemons(peerSettings).states(), "closing must leave the daemons alone");
    }

    private long pid(String daemon) {
        return pe.daemons().stream().filter(d -> d.name().equals(daemon)).findFirst().orElseThrow().pid().orElseThrow();
    }

    private JsonNode peerSideNeighbor() {
        return json(peerSettings, "show bgp neighbor " + PE_ADDRESS + " json").path(PE_ADDRESS);
    }

    private JsonNode peerSideBfd() {
        for (JsonNode p : json(peerSettings, "show bfd peers json")) {
            if (p.path("peer").asText().equals(PE_ADDRESS)) {
                return p;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode json(FrrSettings settings, String command) {
        return FrrTestSupport.json(settings, command);
    }

    private final class Recorder implements FrrListener {
        @Override
        public void daemonRestarted(FrrInstance instance, String daemon, long pid) {
            events.add("restarted " + daemon + " " + pid);
        }

        @Override
        public void daemonRestartFailed(FrrInstance instance, String daemon, String reason) {
            events.add("failed " + daemon + " " + reason);
        }

        @Override
        public void configurationRestored(FrrInstance instance, ApplyResult result) {
            events.add("restored " + result.outcome());
        }
    }
}
