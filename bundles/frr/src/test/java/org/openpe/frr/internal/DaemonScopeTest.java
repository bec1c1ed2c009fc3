package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonScopeTest {

    private static final List<String> COMMAND = List.of("nsenter", "--net=/var/run/netns/perouter", "/usr/lib/frr/bgpd", "-d");

    @Test
    void underSystemdTheDaemonGetsATransientScopeOfItsOwn() {
        List<String> wrapped = DaemonScope.systemd().wrap("perouter", "bgpd", COMMAND);

        assertEquals(List.of("/usr/bin/systemd-run", "--scope", "--collect", "--quiet"), wrapped.subList(0, 4));
        assertTrue(wrapped.get(4).matches("--unit=openpe-frr-perouter-bgpd-\\d+"), wrapped.get(4));
        assertEquals(COMMAND, wrapped.subList(wrapped.size() - COMMAND.size(), wrapped.size()));
    }

    @Test
    void withoutSystemdTheCommandRunsAsItIs() {
        assertEquals(COMMAND, DaemonScope.none().wrap("perouter", "bgpd", COMMAND));
    }
}
