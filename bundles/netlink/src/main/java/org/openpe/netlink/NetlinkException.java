package org.openpe.netlink;

import org.openpe.netlink.internal.ffi.Errno;

/**
 * A request the kernel (or libc) refused. Carries the errno, its symbolic name, the kernel's extended-ack
 * text when there was one, and what was attempted, e.g.
 * {@code add address 10.0.0.1/24 to pe-100 in perouter: EEXIST: ipv4: Address already assigned}.
 */
public final class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String detail;
    private final String operation;

    /**
     * @param errno  positive errno value
     * @param detail the kernel's extended-ack message, or the libc description of the errno
     * @param operation what was attempted; empty when not known yet
     */
    public NetlinkException(int errno, String detail, String operation) {
        super(format(errno, detail, operation));
        this.errno = errno;
        this.detail = detail;
        this.operation = operation;
    }

    /** The same failure described as part of {@code operation} (e.g. "add link br0 in perouter"). */
    public NetlinkException during(String operation) {
        NetlinkException wrapped = new NetlinkException(errno, detail, operation);
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }

    public int errno() {
        return errno;
    }

    /** Symbolic errno name such as {@code EEXIST}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** Kernel extended-ack text, or the libc description of the errno when the kernel sent none. */
    public String detail() {
        return detail;
    }

    public String operation() {
        return operation;
    }

    private static String format(int errno, String detail, String operation) {
        StringBuilder message = new StringBuilder();
        if (!operation.isEmpty()) {
            message.append(operation).append(": ");
        }
        message.append(Errno.name(errno));
        if (!detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }
}
