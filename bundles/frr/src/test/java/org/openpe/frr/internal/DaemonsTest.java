package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openpe.frr.FrrSettings;

class DaemonsTest {

    private final Daemons daemons = new Daemons(FrrSettings.forNamespace("pe-test"), DaemonScope.none());

    @Test
    void zebraKeepsKernelRoutesForTheRestartTimeOnlyWithGracefulRestart() {
        assertFalse(daemons.command("zebra").contains("-K"), "off as long as no configuration has graceful restart");
        daemons.gracefulRestart(OptionalInt.of(90));
        List<String> zebra = daemons.command("zebra");
        assertEquals(List.of("-K", "90"), zebra.subList(zebra.indexOf("-K"), zebra.indexOf("-K") + 2));
        assertFalse(daemons.command("bgpd").contains("-K"), "a zebra option only");
        daemons.gracefulRestart(OptionalInt.empty());
        assertEquals(-1, Collections.indexOfSubList(daemons.command("zebra"), List.of("-K")));
    }

    @Test
    void everyDaemonStartsWithAnOpenFileLimitForThousandsOfVrfs() {
        for (String daemon : Daemons.NAMES) {
            List<String> command = daemons.command(daemon);
            assertEquals(List.of("sh", "-c"), command.subList(0, 2), daemon);
            assertTrue(command.get(2).startsWith("ulimit -n 65536 "), command.get(2));
            assertEquals("nsenter", command.get(4), daemon);
        }
    }
}
