package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
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
 * An iBGP session ({@code remote-as internal} on both sides) with graceful restart, against a real
 * FRR 8.4 peer: the session establishes, and through a {@code kill -9} of the node's bgpd both the
 * peer and the node's own kernel keep the routes learned over it, sampled every 50 ms until the
 * supervisor's new bgpd has the session back.
 */
@Tag("frr")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GracefulRestartSessionTest {

    private static final String PE_ADDRESS = "192.168.13.1";
    private static final String PEER_ADDRESS = "192.168.13.2";
    private static final String PE_PREFIX = "10.77.0.0/24";
    private static final String PEER_PREFIX = "10.99.0.0/24";
    private static final long ASN = 64514;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        FrrTestSupport.createNamespace(peSettings.namespace());
        FrrTestSupport.createNamespace(peerSettings.namespace());
        FrrTestSupport.connect(peSettings.namespace(), "frga0", PE_ADDRESS + "/24", peerSettings.namespace(), "frgb0",
                PEER_ADDRESS + "/24");
        FrrTestSupport.sh("ip", "-n", peerSettings.namespace(), "route", "add", "blackhole", PEER_PREFIX);
        new Layout(peerSettings).prepare();
        Daemons daemons = new Daemons(peerSettings);
        for (String daemon : Daemons.NAMES) {
            daemons.start(daemon);
        }
        var file = peerSettings.pathspaceConfigDir().resolve("peer.conf");
        Files.writeString(file, PEER_CONFIG);
        Commands.Result r = new FrrReload(peerSettings).reload(file, Duration.ofMinutes(1));
        assertTrue(r.ok(), r.output());
        manager = new FrrManagerComponent();
        pe = manager.instance(peSettings);
    }

    @AfterAll
    void destroyBothRouters() {
        if (pe != null) {
            pe.stopDaemons();
        }
        if (manager != null) {
            manager.deactivate();
        }
        for (FrrSettings s : new FrrSettings[] {peSettings, peerSettings}) {
            if (s != null) {
                FrrTestSupport.destroy(s);
            }
        }
    }

    @Test
    void theIbgpSessionEstablishesAndItsRoutesSurviveAKilledBgpd() throws Exception {
        BgpNeighbor peer = BgpNeighbor.of(PEER_ADDRESS, PeerType.INTERNAL).withConnectTime(1);
        FrrConfig config = new FrrConfig("pe", "informational", List.of(), List.of(),
                Optional.of(BgpRouter.defaultInstance(ASN, "10.0.0.1", List.of(peer), List.of(PE_PREFIX), false)
                        .withGracefulRestart(Optional.of(new GracefulRestart(60, 120)))),
                List.of());
        assertTrue(pe.apply(config).get().ok());
        FrrTestSupport.await("iBGP session Established with both routes", Duration.ofSeconds(60),
                () -> peerSide().path("bgpState").asText().equals("Established") && peerKernelHas(PE_PREFIX) && peHas(PEER_PREFIX));
        assertTrue(peerSide().path("nbrInternalLink").asBoolean(), "an iBGP session: " + peerSide());
        FrrTestSupport.await("the peer told the restart time, 60 s", Duration.ofSeconds(30),
                () -> peerSide().path("gracefulRestartInfo").path("timers").path("receivedRestartTimer").asInt() == 60);

        int established = peerSide().path("connectionsEstablished").asInt();
        long oldPid = pe.daemons().stream().filter(d -> d.name().equals("bgpd")).findFirst().orElseThrow().pid().orElseThrow();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger peerMissing = new AtomicInteger();
        AtomicInteger peMissing = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                samples.incrementAndGet();
                if (!peerKernelHas(PE_PREFIX)) {
                    peerMissing.incrementAndGet();
                }
                if (!peHas(PEER_PREFIX)) {
                    peMissing.incrementAndGet();
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
                        && peerSide().path("connectionsEstablished").asInt() > established && peHas(PEER_PREFIX));
        sampling.set(false);
        sampler.join();
        System.out.printf("graceful restart, kill -9 bgpd: session back after %d ms; %d samples every 50 ms, the route"
                        + " missing on the peer in %d, in the node's kernel in %d%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), samples.get(), peerMissing.get(), peMissing.get());
        assertNotEquals(oldPid, pe.daemons().stream().filter(d -> d.name().equals("bgpd")).findFirst().orElseThrow().pid()
                .orElseThrow());
        assertEquals(0, peerMissing.get(), "the peer keeps the node's route while its bgpd restarts");
        assertEquals(0, peMissing.get(), "the node's zebra keeps the peer's route while bgpd restarts");
    }

    private JsonNode peerSide() {
        return json(peerSettings, "show bgp neighbor " + PE_ADDRESS + " json").path(PE_ADDRESS);
    }

    private boolean peerKernelHas(String prefix) {
        return FrrTestSupport.sh("ip", "-n", peerSettings.namespace(), "route", "show", prefix).contains("via " + PE_ADDRESS);
    }

    private boolean peHas(String prefix) {
        return FrrTestSupport.sh("ip", "-n", peSettings.namespace(), "route", "show", prefix).contains("via " + PEER_ADDRESS);
    }

    private static JsonNode json(FrrSettings settings, String command) {
        try {
            return JSON.readTree(new Vtysh(settings).show(command));
        } catch (Exception e) {
            throw new IllegalStateException(command, e);
        }
    }
}
