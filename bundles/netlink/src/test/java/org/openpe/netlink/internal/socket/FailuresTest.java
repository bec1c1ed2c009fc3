package org.openpe.netlink.internal.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openpe.netlink.NetlinkException;

class FailuresTest {
    @Test
    void kernelTextWinsOverLibcText() {
        NetlinkException e = Failures.kernel(17, "ipv4: Address already assigned", Failures.CAP_NET_ADMIN)
                .during("add address 10.0.0.1/24 to pe-100 in perouter");
        assertEquals("add address 10.0.0.1/24 to pe-100 in perouter: EEXIST: ipv4: Address already assigned", e.getMessage());
        assertEquals("EEXIST", e.errnoName());
        assertEquals(17, e.errno());
    }

    @Test
    void withoutExtackTheErrnoIsDescribed() {
        assertEquals("delete link x in ns: ENODEV: No such device",
                Failures.kernel(19, "", Failures.CAP_NET_ADMIN).during("delete link x in ns").getMessage());
    }

    @Test
    void permissionErrorsNameTheMissingCapability() {
        assertEquals("add link br0 (bridge) in ns: EPERM: Operation not permitted (missing capability CAP_NET_ADMIN)",
                Failures.kernel(1, "", Failures.CAP_NET_ADMIN).during("add link br0 (bridge) in ns").getMessage());
        assertEquals("EPERM: Operation not permitted (missing capability CAP_SYS_ADMIN)",
                Failures.kernel(1, "", Failures.CAP_SYS_ADMIN).getMessage());
    }

    @Test
    void unknownErrnoStillHasAName() {
        NetlinkException e = Failures.kernel(4095, "", Failures.CAP_NET_ADMIN);
        assertEquals("errno 4095", e.errnoName());
    }
}
