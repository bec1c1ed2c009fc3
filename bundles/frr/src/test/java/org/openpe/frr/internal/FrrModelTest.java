package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;

/** The invariants of the typed model in org.openpe.api.frr that rendering relies on. */
class FrrModelTest {

    @Test
    void toStringNeverShowsThePassword() {
        BgpNeighbor n = BgpNeighbor.of("192.168.11.2", 64512).withPassword("s3cret");
        assertFalse(n.toString().contains("s3cret"), n.toString());
        assertTrue(n.toString().contains("password=Optional[****]"), n.toString());
        FrrConfig config = Configs.underlayAllSessionOptions();
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }

    @Test
    void invalidPasswordIsRejectedWithoutEchoingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BgpNeighbor.of("192.168.11.2", 64512).withPassword("two words"));
        assertFalse(e.getMessage().contains("two words"), e.getMessage());
        assertTrue(e.getMessage().contains("192.168.11.2"), e.getMessage());
    }

    @Test
    void valuesThatWouldBreakTheConfigurationAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BgpNeighbor.of("192.168.11.300", 64512));
        assertThrows(IllegalArgumentException.class, () -> BgpNeighbor.of("tor.example.com", 64512));
        assertThrows(IllegalArgumentException.class, () -> BgpNeighbor.of("192.168.11.2", 0));
        assertThrows(IllegalArgumentException.class, () -> BgpNeighbor.of("192.168.11.2", 64512).withTimers(2, 1));
        assertThrows(IllegalArgumentException.class, () -> BgpNeighbor.of("192.168.11.2", 64512).withTimers(3, 4));
        assertThrows(IllegalArgumentException.class, () -> new VrfVni("red\nrouter bgp 1", 100));
        assertThrows(IllegalArgumentException.class, () -> new VrfVni("red", 16_777_216));
        assertThrows(IllegalArgumentException.class, () -> BfdProfile.named("p").withDetectMultiplier(1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> BgpRouter.defaultInstance(64514, "10.0.0.1", List.of(), List.of("10.0.0.0/33"), false));
        assertTrue(e.getMessage().contains("10.0.0.0/33"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrrConfig.empty("pe1", "verbose"));
    }

    @Test
    void exactDuplicatesMergeAndConflictsAreReported() {
        BgpNeighbor tor = BgpNeighbor.of("192.168.11.2", 64512);
        BgpRouter router = BgpRouter.defaultInstance(64514, "10.0.0.1", List.of(tor, tor), List.of(), false);
        assertEquals(1, router.neighbors().size());

        var e = assertThrows(IllegalArgumentException.class, () -> BgpRouter.defaultInstance(64514, "10.0.0.1",
                List.of(tor, BgpNeighbor.of("192.168.11.2", 64513)), List.of(), false));
        assertTrue(e.getMessage().contains("192.168.11.2"), e.getMessage());

        var vni = assertThrows(IllegalArgumentException.class, () -> new FrrConfig("pe1", "info",
                List.of(new VrfVni("red", 100), new VrfVni("blue", 100)), List.of(), Optional.empty(), List.of()));
        assertTrue(vni.getMessage().contains("VNI 100"), vni.getMessage());
    }

    @Test
    void neighborsMustReferenceDeclaredBfdProfiles() {
        BgpNeighbor n = BgpNeighbor.of("192.168.11.2", 64512).withBfdProfile("neighbor-192.168.11.2");
        var e = assertThrows(IllegalArgumentException.class, () -> Configs.config(List.of(), List.of(),
                BgpRouter.defaultInstance(64514, "10.0.0.1", List.of(n), List.of(), false), List.of()));
        assertTrue(e.getMessage().contains("neighbor-192.168.11.2"), e.getMessage());
    }

    @Test
    void logLevelAliasesMapToFrrNames() {
        assertEquals("debugging", FrrConfig.empty("pe1", "DEBUG").logLevel());
        assertEquals("warnings", FrrConfig.empty("pe1", "warn").logLevel());
        assertEquals("errors", FrrConfig.empty("pe1", "errors").logLevel());
    }
}
