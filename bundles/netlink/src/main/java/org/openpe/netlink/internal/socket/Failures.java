package org.openpe.netlink.internal.socket;

import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.ffi.Native;

/** Builds {@link NetlinkException}s with a useful detail text. */
public final class Failures {
    /** Capability needed for rtnetlink writes and SO_RCVBUFFORCE. */
    public static final String CAP_NET_ADMIN = "CAP_NET_ADMIN";
    /** Capability needed for setns, unshare and mount. */
    public static final String CAP_SYS_ADMIN = "CAP_SYS_ADMIN";

    private Failures() {
    }

    /** A failure with the kernel's extended-ack text, or libc's description when there is none. */
    public static NetlinkException kernel(int errno, String extack, String capability) {
        String detail = extack.isEmpty() ? Native.libc().strerror(errno) : extack;
        if (errno == Errno.EPERM) {
            detail = detail + " (missing capability " + capability + ")";
        }
        return new NetlinkException(errno, detail, "");
    }

    /** The failure of the libc call just made on this thread. */
    public static NetlinkException lastError(String operation, String capability) {
        return kernel(Native.errno(), "", capability).during(operation);
    }
}
