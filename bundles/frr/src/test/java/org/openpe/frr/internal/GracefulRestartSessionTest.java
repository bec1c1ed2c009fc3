package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.model.PeerType;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrSettings;

/**
 * An iBGP session ({@code remote-as internal} on both sides) against a real FRR 8.4 peer, and the
 * routes through a {@code kill -9} of the node's bgpd, sampled every 50 ms until the supervisor's new
 * bgpd has the session back: without graceful restart (the baseline, measured in the same run) both
 * sides lose each other's routes for the whole restart; with it the peer loses none (the F bit,
 * {@code preserve-fw-state}, makes it keep the stale route until the node sends it again; without it
 * 20-33 % of the samples missed it). The node's kernel may still miss the peer's route for up to about
 * a second: this peer was itself started less than its restart time ago, so its OPEN carries the R bit
 * (FRR sets it for that long after an instance is created), and a bgpd whose peer says it restarts too
 * tells zebra its routes are complete as soon as the session is up, before they came in, so zebra sweeps
 * the stale one (zebra's log: "route update complete", "stale route ... is deleted"). A ToR up for longer
 * sends no R bit; the VRF tier measures that case.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GracefulRestartSessionTest {

    private static final String PE_ADDRESS = "192.168.13.1";
    private static final String PEER_ADDRESS = "192.168.13.2";
    private static final String PE_PREFIX = "10.77.0.0/24";
    private static final String PEER_PREFIX = "10.99.0.0/24";
    private static final long ASN = 64514;

    private static final String PEER_CONFIG = """
            hostname grpeer
            router bgp 64514
             no bgp ebgp-requires-policy
             no bgp network import-check
             no bgp default ipv4-unicast
             bgp router-id 10.0.0.100
             bgp graceful-restart
             neighbor 192.168.13.1 remote-as internal
             neighbor 192.168.13.1 timers connect 1
             address-family ipv4 unicast
              network 10.99.0.0/24
              neighbor 192.168.13.1 activate
             exit-address-family
            exit
            """;

    private FrrSettings peSettings;
    private FrrSettings peerSettings;
    private FrrManagerComponent manager;
    private FrrInstance pe;

    @BeforeAll
    void startBothRouters() throws Exception {
        FrrTestSupport.assumeFrrAvailable();
        peSettings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frg-"));
        peerSettings = FrrSettings.forNamespace(FrrTestSupport.uniqueName("frg-"));
        FrrTestSupport.createNamespace(peSettings);
        FrrTestSupport.createNamespace(peerSettings);
        FrrTestSupport.connect(peSettings.namespace(), "frga0", PE_ADDRESS + "/24", peerSettings.namespace(), "frgb0",
                PEER_ADDRESS + "/24");
        FrrTestSupport.sh("ip", "-n", peerSettings.namespace(), "route", "add", "blackhole", PEER_PREFIX);
        FrrTestSupport.startPeer(peerSettings, PEER_CONFIG);
        manager = FrrTestSupport.deactivatedAtShutdown(new FrrManagerComponent());
        pe = manager.instance(peSettings);
    }

    @AfterAll
    void destroyBothRouters() {
        FrrTestSupport.destroyAll(pe, manager, peSettings, peerSettings);
    }

    @Test
    void theIbgpSessionEstablishesAndGracefulRestartBoundsTheLossOfAKilledBgpd() throws Exception {
        Loss without = killBgpd(config(Optional.empty()));
        Loss with = killBgpd(config(Optional.of(new GracefulRestart(60, 120))));
        assertEquals(60, peerSide().path("gracefulRestartInfo").path("timers").path("receivedRestartTimer").asInt(),
                "the restart time the peer was told");

        System.out.printf("kill -9 bgpd, routes missing (samples every 50 ms until the session is back): without graceful"
                + " restart %s; with it %s%n", without, with);
        assertTrue(without.peer() > 0.5 && without.node() > 0.5, "the baseline must lose the routes: " + without);
        assertEquals(0.0, with.peer(), "the peer keeps the node's route: " + with + " vs " + without);
        assertTrue(with.node() <= without.node() / 2, "the node's zebra keeps the peer's route: " + with + " vs " + without);
    }

    /**
     * The share of samples in which a route was missing, on the peer (the node's route) and in the node's
     * kernel (the peer's route), from the kill until the session is back.
     */
    record Loss(double peer, double node, int samples, long millis) {
        @Override
        public String toString() {
            return String.format("peer %.0f %%, node %.0f %% of %d samples in %d ms", peer * 100, node * 100, samples, millis);
        }
    }

    private FrrConfig config(Optional<GracefulRestart> gracefulRestart) {
        BgpNeighbor peer = BgpNeighbor.of(PEER_ADDRESS, PeerType.INTERNAL).withConnectTime(1);
        return new FrrConfig("pe", "informational", List.of(), List.of(),
                Optional.of(BgpRouter.defaultInstance(ASN, "10.0.0.1", List.of(peer), List.of(PE_PREFIX), false)
                        .withGracefulRestart(gracefulRestart)),
                List.of());
    }

    /**
     * Graceful restart is a capability of the session's OPEN: turning it on or off takes effect when the
     * session is next established, so the session is reset (from the peer) after each configuration.
     */
    private Loss killBgpd(FrrConfig config) throws Exception {
        assertTrue(pe.apply(config).get().ok());
        int before = peerSide().path("connectionsEstablished").asInt();
        FrrTestSupport.sh("vtysh", "-N", peerSettings.pathspace(), "-c", "clear bgp *");
        FrrTestSupport.await("iBGP session Established again with both routes", Duration.ofSeconds(90),
                () -> peerSide().path("bgpState").asText().equals("Established")
                        && peerSide().path("connectionsEstablished").asInt() > before && peerKernelHas(PE_PREFIX)
                        && peHas(PEER_PREFIX));
        assertTrue(peerSide().path("nbrInternalLink").asBoolean(), "an iBGP session: " + peerSide());
        int established = peerSide().path("connectionsEstablished").asInt();
        long oldPid = bgpdPid();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger peerMissing = new AtomicInteger();
        AtomicInteger nodeMissing = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                samples.incrementAndGet();
                if (!peerKernelHas(PE_PREFIX)) {
                    peerMissing.incrementAndGet();
                }
                if (!peHas(PEER_PREFIX)) {
                    nodeMissing.incrementAndGet();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        sampler.start();
        ProcessHandle.of(oldPid).orElseThrow().destroyForcibly(); // SIGKILL
        FrrTestSupport.await("session Established again", Duration.ofSeconds(90),
                () -> peerSide().path("bgpState").asText().equals("Established")
                        && peerSide().path("connectionsEstablished").asInt() > established && peHas(PEER_PREFIX)
                        && peerKernelHas(PE_PREFIX));
        sampling.set(false);
        sampler.join();
        assertNotEquals(oldPid, bgpdPid());
        int n = samples.get();
        return new Loss((double) peerMissing.get() / n, (double) nodeMissing.get() / n, n,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private long bgpdPid() {
        return pe.daemons().stream().filter(d -> d.name().equals("bgpd")).findFirst().orElseThrow().pid().orElseThrow();
    }

    private JsonNode peerSide() {
        return FrrTestSupport.json(peerSettings, "show bgp neighbor " + PE_ADDRESS + " json").path(PE_ADDRESS);
    }

    private boolean peerKernelHas(String prefix) {
        return FrrTestSupport.sh("ip", "-n", peerSettings.namespace(), "route", "show", prefix).contains("via " + PE_ADDRESS);
    }

    private boolean peHas(String prefix) {
        return FrrTestSupport.sh("ip", "-n", peSettings.namespace(), "route", "show", prefix).contains("via " + PEER_ADDRESS);
    }
}
