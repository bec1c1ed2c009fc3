package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;

/**
 * An FRR that cannot start does not stop kernel reconciliation: with the node settings pointing
 * FRR's binaries at a directory without them, a device deleted by hand is still recreated, every
 * resource is Failed naming why, and the FRR daemons already running are left alone; fixing the
 * settings brings FRR back without resetting a session. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrrUnavailableEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String HOST_PEER = "192.169.10.1";
    private static final String MISSING_BINARIES = "/nonexistent-frr-binaries";

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();
    private static String nodeSettings;

    @BeforeAll
    static void start() throws Exception {
        nodeSettings = "nodeIndex = 0\nrouterNamespace = " + lab.router + "\n";
    }

    @Test
    @Order(1)
    void theLabComesUp() {
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
    }

    @Test
    @Order(2)
    void withFrrUnableToStartTheKernelIsStillReconciledAndStatusSaysWhy() throws Exception {
        appliance.writeConfig("org.openpe.node.cfg", nodeSettings + "frr.binaryDir = " + MISSING_BINARIES + "\n");
        Eventually.await("every resource Failed, naming FRR's missing binaries", CONVERGE, appliance::listJson,
                rows -> rows.size() == 2 && rows.findValuesAsText("state").stream().allMatch("Failed"::equals)
                        && rows.findValuesAsText("reason").stream()
                                .allMatch(r -> r.contains("FRR cannot start") && r.contains(MISSING_BINARIES)));

        String deleted = ifindex("pt-host");
        lab.in(lab.host, "ip", "link", "delete", "pt-host");
        Eventually.await("pt-host recreated (a new ifindex) while FRR cannot start", CONVERGE,
                () -> ifindex("pt-host"), index -> !index.equals(deleted));
        String status = appliance.statusJson().toString();
        assertTrue(status.contains("FRR cannot start"), status);
    }

    @Test
    @Order(3)
    void fixingTheSettingsBringsFrrBackWithoutResettingTheFabricSession() throws Exception {
        long leafUptime = lab.sessionUptimeMillis(lab.leaf, NODE);
        appliance.writeConfig("org.openpe.node.cfg", nodeSettings);
        appliance.awaitAll(2, "Applied", CONVERGE);
        awaitSession(lab.leaf, NODE, "Established");
        awaitSession(lab.host, HOST_PEER, "Established");
        assertTrue(lab.sessionUptimeMillis(lab.leaf, NODE) > leafUptime, "the leaf's session was reset");
    }

    /** The device's ifindex in the lab's host namespace, "none" while it does not exist. */
    private static String ifindex(String device) {
        Shell.Result link = Shell.run("ip", "-n", lab.host, "-o", "link", "show", device);
        return link.exitCode() == 0 ? link.output().split(":")[0] : "none";
    }

    private static void awaitSession(String namespace, String peer, String state) {
        lab.awaitSession(namespace, peer, state, CONVERGE);
    }
}
