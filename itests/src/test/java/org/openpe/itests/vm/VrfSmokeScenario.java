package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the VRF tier's kernel and tools: the devices of an L3VNI (spec section 5) built by hand in a
 * throw-away namespace, FRR in a namespace with a pathspace seeing the VRF, and Java. Run by
 * {@link VrfTierSmokeIT}.
 */
class VrfSmokeScenario {

    @BeforeAll
    static void onlyInsideTheTier() {
        VrfTier.assumeInside();
    }

    @Test
    void buildsTheKernelObjectsOfAnL3Vni() {
        try (ScratchNamespace ns = ScratchNamespace.create("vst")) {
            ns.ip("link", "add", "red", "type", "vrf", "table", "1100");
            ns.ip("link", "add", "lound", "type", "dummy");
            ns.ip("addr", "add", "100.65.0.0/32", "dev", "lound");
            ns.ip("link", "add", "br-pe-100", "type", "bridge");
            ns.ip("link", "set", "br-pe-100", "master", "red");
            ns.ip("link", "add", "vni100", "type", "vxlan", "id", "100", "dstport", "4789", "local", "100.65.0.0",
                    "dev", "lound", "nolearning");
            ns.ip("link", "set", "vni100", "master", "br-pe-100");
            for (String device : new String[] {"lound", "red", "br-pe-100", "vni100"}) {
                ns.ip("link", "set", device, "up");
            }
            ns.ip("route", "add", "unreachable", "default", "metric", "4278198272", "vrf", "red");

            assertContains(ns.ip("-d", "link", "show", "red"), "vrf table 1100");
            assertContains(ns.ip("-d", "link", "show", "lound"), "dummy");
            assertContains(ns.ip("-d", "link", "show", "br-pe-100"), "master red");
            String vxlan = ns.ip("-d", "link", "show", "vni100");
            assertContains(vxlan, "master br-pe-100");
            assertContains(vxlan, "vxlan id 100 local 100.65.0.0 dev lound");
            assertContains(ns.ip("route", "show", "table", "1100"), "unreachable default");
        }
    }

    @Test
    void zebraAndBgpdInAPathspaceSeeTheVrf() {
        try (ScratchNamespace ns = ScratchNamespace.create("vst")) {
            ns.ip("link", "add", "red", "type", "vrf", "table", "1100");
            ns.ip("link", "set", "red", "up");
            String config = "frr defaults traditional\nhostname " + ns.name() + "\n!\nrouter bgp 64514\n"
                    + " bgp router-id 10.0.0.1\n!\nrouter bgp 64514 vrf red\n bgp router-id 10.0.0.1\n!\n";
            try (FrrInstance frr = FrrInstance.start(ns, config, "zebra", "bgpd")) {
                assertContains(frr.vtysh("show version"), "FRRouting");
                assertContains(frr.vtysh("show vrf"), "red");
                assertContains(frr.vtysh("show bgp vrf all summary"), "VRF red");
            }
        }
    }

    @Test
    void javaRuns() {
        Shell.Result version = Shell.run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version");
        assertEquals(0, version.exitCode(), version.output());
        assertContains(version.output(), "version \"" + Runtime.version().feature());
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected \"" + expected + "\" in:\n" + text);
    }
}
