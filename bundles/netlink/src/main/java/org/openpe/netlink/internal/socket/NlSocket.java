package org.openpe.netlink.internal.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ThreadLocalRandom;

import jnr.ffi.byref.IntByReference;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.codec.Nl;
import org.openpe.netlink.internal.codec.NlAttrs;
import org.openpe.netlink.internal.codec.NlWriter;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.ffi.LibC;
import org.openpe.netlink.internal.ffi.Native;

/**
 * One NETLINK_ROUTE socket: a single ordered request/response stream. It belongs to the network namespace
 * of the thread that opened it, for life, and may then be used from any thread (one at a time: callers
 * serialise). Requests are written into {@link #writer()} and sent with {@link #ack}, {@link #get},
 * {@link #dump} or {@link #batch}.
 */
public final class NlSocket implements AutoCloseable {
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_ADD_MEMBERSHIP = 1;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int MSG_TRUNC = 0x20;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR_NL_LEN = 12;
    private static final int RX_INITIAL = 64 * 1024;
    private static final int MAX_DUMP_ATTEMPTS = 5;
    private static final int TIMED_OUT = -1;
    private static final int TRUNCATED = -2;

    private final LibC libc = Native.libc();
    private final int fd;
    private final int portId;
    private final int timeoutMillis;
    private final NlWriter writer = new NlWriter(8 * 1024);
    private final ByteBuffer option = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private ByteBuffer rx;
    private int seq = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private volatile boolean closed;

    private NlSocket(int fd, int portId, int timeoutMillis, int receiveBufferBytes) {
        this.fd = fd;
        this.portId = portId;
        this.timeoutMillis = timeoutMillis;
        this.rx = ByteBuffer.allocateDirect(receiveBufferBytes).order(ByteOrder.nativeOrder());
    }

    /**
     * Opens a socket in the calling thread's network namespace, with a kernel-assigned port id, extended
     * acks, capped acks and a receive timeout.
     */
    public static NlSocket open(int timeoutMillis) {
        return open(timeoutMillis, RX_INITIAL);
    }

    /** Like {@link #open(int)} with an initial user-space receive buffer size (it grows as needed). */
    public static NlSocket open(int timeoutMillis, int receiveBufferBytes) {
        LibC libc = Native.libc();
        int fd = libc.socket(Nl.AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw Failures.lastError("open netlink socket", Failures.CAP_NET_ADMIN);
        }
        try {
            ByteBuffer address = ByteBuffer.allocateDirect(SOCKADDR_NL_LEN).order(ByteOrder.nativeOrder());
            address.putShort(0, (short) Nl.AF_NETLINK);
            if (libc.bind(fd, address, SOCKADDR_NL_LEN) != 0) {
                throw Failures.lastError("bind netlink socket", Failures.CAP_NET_ADMIN);
            }
            IntByReference length = new IntByReference(SOCKADDR_NL_LEN);
            if (libc.getsockname(fd, address, length) != 0) {
                throw Failures.lastError("read netlink port id", Failures.CAP_NET_ADMIN);
            }
            NlSocket socket = new NlSocket(fd, address.getInt(4), timeoutMillis, receiveBufferBytes);
            socket.setInt(SOL_NETLINK, NETLINK_EXT_ACK, 1, "enable extended acks");
            socket.setInt(SOL_NETLINK, NETLINK_CAP_ACK, 1, "enable capped acks");
            socket.setTimeout(timeoutMillis);
            return socket;
        } catch (RuntimeException e) {
            libc.close(fd);
            throw e;
        }
    }

    public int portId() {
        return portId;
    }

    /** The request writer, reset; the caller must hold this socket exclusively until the reply is read. */
    public NlWriter writer() {
        return writer.reset();
    }

    public int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    /** Joins an rtnetlink multicast group (RTNLGRP_*). */
    public void joinGroup(int group) {
        setInt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group, "join rtnetlink group " + group);
    }

    /** Sets the receive buffer size, forcing it past rmem_max when allowed (CAP_NET_ADMIN). */
    public void setReceiveBuffer(int bytes) {
        option.putInt(0, bytes);
        if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, option, 4) != 0) {
            setInt(SOL_SOCKET, SO_RCVBUF, bytes, "set receive buffer to " + bytes);
        }
    }

    /** Sends the single message in the writer and waits for its acknowledgement. */
    public void ack() {
        int expected = writer.buffer().getInt(8);
        send();
        while (true) {
            int length = receive();
            for (int at = 0; at + Nl.HDRLEN <= length; ) {
                int messageLength = checkedLength(at, length);
                if (isOurs(at, expected) && type(at) == Nl.NLMSG_ERROR) {
                    throwIfError(at);
                    return;
                }
                at += Nl.align(messageLength);
            }
        }
    }

    /**
     * Sends a non-dump GET and hands the one reply to {@code handler}; returns false when the kernel
     * answered with {@code errnoIfMissing} (e.g. ENODEV for an unknown device).
     */
    public boolean get(MessageHandler handler, int errnoIfMissing) {
        int expected = writer.buffer().getInt(8);
        send();
        while (true) {
            int length = receive();
            if (length == TRUNCATED) {
                drain();
                send();
                continue;
            }
            for (int at = 0; at + Nl.HDRLEN <= length; ) {
                int messageLength = checkedLength(at, length);
                if (isOurs(at, expected)) {
                    if (type(at) == Nl.NLMSG_ERROR) {
                        if (-rx.getInt(at + Nl.HDRLEN) == errnoIfMissing) {
                            return false;
                        }
                        throwIfError(at);
                        throw new NetlinkException(Errno.EINVAL, "kernel acknowledged a GET without data", "");
                    }
                    handler.handle(rx, at, type(at));
                    return true;
                }
                at += Nl.align(messageLength);
            }
        }
    }

    /**
     * Sends the dump request in the writer and hands every reply message to {@code handler}. When the kernel
     * flags the dump as interrupted (NLM_F_DUMP_INTR: the set changed meanwhile), or a datagram was larger
     * than the buffer, {@code restart} is run and the dump is repeated, up to 5 times.
     */
    public void dump(MessageHandler handler, Runnable restart) {
        for (int attempt = 1; ; attempt++) {
            int nextSeq = nextSeq();
            writer.buffer().putInt(8, nextSeq);
            if (!dumpOnce(handler, nextSeq)) {
                return;
            }
            if (attempt == MAX_DUMP_ATTEMPTS) {
                throw new NetlinkException(Errno.EINTR, "dump interrupted " + attempt + " times (concurrent changes)", "");
            }
            restart.run();
        }
    }

    /**
     * Sends the {@code count} messages in the writer (consecutive sequence numbers starting at
     * {@code firstSeq}) in one datagram and collects their acks. The kernel executes every message even if
     * an earlier one failed. Keep batches at or below 200 messages: the default receive buffer holds 256 acks.
     *
     * @return one entry per message, null for success
     */
    public NetlinkException[] batch(int firstSeq, int count) {
        NetlinkException[] results = new NetlinkException[count];
        send();
        int acked = 0;
        while (acked < count) {
            int length = receive();
            for (int at = 0; at + Nl.HDRLEN <= length; ) {
                int messageLength = checkedLength(at, length);
                int index = rx.getInt(at + 8) - firstSeq;
                if (rx.getInt(at + 12) == portId && index >= 0 && index < count && type(at) == Nl.NLMSG_ERROR) {
                    results[index] = errorOf(at);
                    acked++;
                }
                at += Nl.align(messageLength);
            }
        }
        return results;
    }

    /**
     * Waits up to the socket timeout for one datagram of multicast notifications and hands each message to
     * {@code handler}. Returns false on timeout; throws ENOBUFS when notifications were lost.
     */
    public boolean receiveEvents(MessageHandler handler) {
        int length = receiveOrTimeout();
        if (length == TIMED_OUT) {
            return false;
        }
        if (length == TRUNCATED) {
            throw new NetlinkException(Errno.ENOBUFS, "a notification larger than the buffer was lost; re-read the state", "");
        }
        for (int at = 0; at + Nl.HDRLEN <= length; ) {
            int messageLength = checkedLength(at, length);
            handler.handle(rx, at, type(at));
            at += Nl.align(messageLength);
        }
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }

    private boolean dumpOnce(MessageHandler handler, int expected) {
        send();
        boolean interrupted = false;
        while (true) {
            int length = receive();
            if (length == TRUNCATED) {
                drain();
                return true;
            }
            for (int at = 0; at + Nl.HDRLEN <= length; ) {
                int messageLength = checkedLength(at, length);
                if (isOurs(at, expected)) {
                    interrupted |= (rx.getShort(at + 6) & Nl.F_DUMP_INTR) != 0;
                    switch (type(at)) {
                        case Nl.NLMSG_DONE -> {
                            int error = messageLength >= Nl.HDRLEN + 4 ? rx.getInt(at + Nl.HDRLEN) : 0;
                            if (error < 0) {
                                throw Failures.kernel(-error, extack(at + Nl.HDRLEN + 4, at + messageLength, true), Failures.CAP_NET_ADMIN);
                            }
                            return interrupted;
                        }
                        case Nl.NLMSG_ERROR -> throwIfError(at);
                        case Nl.NLMSG_NOOP -> {
                        }
                        default -> handler.handle(rx, at, type(at));
                    }
                }
                at += Nl.align(messageLength);
            }
        }
    }

    private void send() {
        ensureOpen();
        ByteBuffer buffer = writer.buffer();
        int length = writer.length();
        while (true) {
            long sent = libc.send(fd, buffer, length, 0);
            if (sent == length) {
                return;
            }
            int errno = Native.errno();
            if (sent < 0 && errno == Errno.EINTR) {
                continue;
            }
            if (sent < 0) {
                throw Failures.kernel(errno, "", Failures.CAP_NET_ADMIN).during("send netlink request");
            }
            throw new NetlinkException(Errno.EINVAL, "short send: " + sent + " of " + length + " bytes", "send netlink request");
        }
    }

    /** Receives one datagram into {@code rx}; returns its length or {@link #TRUNCATED}. */
    private int receive() {
        int length = receiveOrTimeout();
        if (length == TIMED_OUT) {
            throw new NetlinkException(Errno.ETIMEDOUT, "no reply from the kernel within " + timeoutMillis + " ms", "");
        }
        return length;
    }

    /**
     * Like {@link #receive()} but returns {@link #TIMED_OUT} on timeout. With MSG_TRUNC the kernel reports a
     * datagram's real length; one larger than the buffer was cut short and is lost: the buffer then grows and
     * {@link #TRUNCATED} tells the caller to recover (retry a GET, restart a dump, resync events).
     */
    private int receiveOrTimeout() {
        ensureOpen();
        while (true) {
            long length = libc.recv(fd, rx, rx.capacity(), MSG_TRUNC);
            if (length > rx.capacity()) {
                rx = ByteBuffer.allocateDirect(Nl.align((int) length) * 2).order(ByteOrder.nativeOrder());
                return TRUNCATED;
            }
            if (length >= 0) {
                return (int) length;
            }
            int errno = Native.errno();
            switch (errno) {
                case Errno.EINTR -> {
                }
                case Errno.EAGAIN -> {
                    return TIMED_OUT;
                }
                case Errno.ENOBUFS -> {
                    drain();
                    throw new NetlinkException(Errno.ENOBUFS,
                            "receive buffer overflowed and netlink messages were lost; re-read the state", "");
                }
                default -> throw Failures.kernel(errno, "", Failures.CAP_NET_ADMIN).during("receive netlink reply");
            }
        }
    }

    /**
     * Discards everything queued so that later requests see their own replies. Each receive also makes the
     * kernel queue the next part of a running dump, so this consumes a dump to its end.
     */
    private void drain() {
        while (libc.recv(fd, rx, 0, MSG_DONTWAIT) >= 0 || Native.errno() == Errno.ENOBUFS) {
            // discard
        }
    }

    private void throwIfError(int at) {
        NetlinkException error = errorOf(at);
        if (error != null) {
            throw error;
        }
    }

    /** The failure carried by the NLMSG_ERROR at {@code at}, or null for a positive ack. */
    private NetlinkException errorOf(int at) {
        int error = rx.getInt(at + Nl.HDRLEN);
        if (error == 0) {
            return null;
        }
        int end = at + rx.getInt(at);
        int echoed = at + Nl.HDRLEN + 4;
        boolean capped = (rx.getShort(at + 6) & Nl.F_CAPPED) != 0;
        int tlvs = echoed + (capped ? Nl.HDRLEN : Nl.align(rx.getInt(echoed)));
        boolean hasTlvs = (rx.getShort(at + 6) & Nl.F_ACK_TLVS) != 0;
        return Failures.kernel(-error, extack(tlvs, end, hasTlvs), Failures.CAP_NET_ADMIN);
    }

    private String extack(int from, int end, boolean present) {
        if (!present) {
            return "";
        }
        for (int a = from; NlAttrs.fits(rx, a, end); a = NlAttrs.next(rx, a)) {
            if (NlAttrs.type(rx, a) == Nl.NLMSGERR_ATTR_MSG) {
                return NlAttrs.string(rx, a);
            }
        }
        return "";
    }

    private int checkedLength(int at, int datagramLength) {
        int messageLength = rx.getInt(at);
        if (messageLength < Nl.HDRLEN || at + messageLength > datagramLength) {
            throw new NetlinkException(Errno.EINVAL, "malformed netlink message of length " + messageLength
                    + " at offset " + at + " of a " + datagramLength + "-byte datagram", "");
        }
        return messageLength;
    }

    private boolean isOurs(int at, int expectedSeq) {
        return rx.getInt(at + 8) == expectedSeq && rx.getInt(at + 12) == portId;
    }

    private int type(int at) {
        return rx.getShort(at + 4) & 0xffff;
    }

    private void setTimeout(int millis) {
        option.putLong(0, millis / 1000);
        option.putLong(8, (millis % 1000) * 1000L);
        if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, option, 16) != 0) {
            throw Failures.lastError("set receive timeout", Failures.CAP_NET_ADMIN);
        }
    }

    private void setInt(int level, int name, int value, String what) {
        option.putInt(0, value);
        if (libc.setsockopt(fd, level, name, option, 4) != 0) {
            throw Failures.lastError(what, Failures.CAP_NET_ADMIN);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new NetlinkException(Errno.EBADF, "netlink socket is closed", "");
        }
    }
}
