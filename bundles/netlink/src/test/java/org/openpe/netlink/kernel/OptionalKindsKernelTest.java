package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.Link;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.NetlinkHandle;

/** vrf and dummy need kernel modules this machine may lack: probe, and skip with the module named. */
@Tag("kernel")
class OptionalKindsKernelTest {
    private KernelFixture fixture;
    private String ns;
    private NetlinkHandle h;

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
        ns = fixture.namespace("opt");
        h = Netlink.open(ns);
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void vrfWithTable() {
        assumeCreated(new LinkSpec.Vrf("vrf-red", 1001), "vrf");
        Link vrf = h.link("vrf-red").orElseThrow();
        assertEquals("vrf", vrf.kind());
        assertEquals(OptionalInt.of(1001), vrf.vrfTable());
        assertEquals(1001, KernelFixture.ipLink(ns, "vrf-red").path("linkinfo").path("info_data").path("table").asInt());
        h.linkAdd(new LinkSpec.Bridge("br-red"), LinkOptions.none().withMaster("vrf-red"));
        assertEquals(vrf.index(), h.link("br-red").orElseThrow().masterIndex());
    }

    @Test
    void dummy() {
        assumeCreated(new LinkSpec.Dummy("dum0"), "dummy");
        assertEquals("dummy", h.link("dum0").orElseThrow().kind());
        assertEquals("dummy", KernelFixture.ipLink(ns, "dum0").path("linkinfo").path("info_kind").asText());
    }

    /** Creates the device, or skips the test when the kernel lacks the module (EOPNOTSUPP). */
    private void assumeCreated(LinkSpec spec, String module) {
        try {
            h.linkAdd(spec);
        } catch (NetlinkException e) {
            if (e.errnoName().equals("EOPNOTSUPP")) {
                assertTrue(e.getMessage().contains("Unknown device type"), e.getMessage());
                String reason = "kernel has no '" + module + "' module (" + e.getMessage() + ")";
                System.out.println("SKIPPED " + spec.kind() + " test: " + reason);
                Assumptions.abort(reason);
            }
            throw e;
        }
    }
}
