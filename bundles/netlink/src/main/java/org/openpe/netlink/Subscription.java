package org.openpe.netlink;

import java.nio.ByteBuffer;

import org.openpe.netlink.internal.codec.LinkDecoder;
import org.openpe.netlink.internal.codec.Rtm;
import org.openpe.netlink.internal.codec.RtnlDecoder;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.socket.NlSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running event subscription: one reader thread and one multicast socket. Close it to stop. */
public final class Subscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final NetlinkHandle handle;
    private final NlSocket events;
    private final EventListener listener;
    private final String where;
    private final long timeoutMillis;
    private final Thread reader;
    /** Used by the reader thread only. */
    private final LinkDecoder links = new LinkDecoder();
    private volatile boolean closed;

    Subscription(NetlinkHandle handle, NlSocket events, EventListener listener, String where, long timeoutMillis) {
        this.handle = handle;
        this.events = events;
        this.listener = listener;
        this.where = where;
        this.timeoutMillis = timeoutMillis;
        this.reader = new Thread(this::run, "netlink-events " + where);
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != reader) {
            try {
                reader.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.close();
        handle.unregister(this);
    }

    private void run() {
        resync();
        while (!closed) {
            try {
                events.receiveEvents(this::dispatch);
            } catch (NetlinkException e) {
                if (closed) {
                    return;
                }
                if (e.errno() == Errno.ENOBUFS) {
                    LOG.warn("netlink events {} overflowed; resynchronising from a full dump", where);
                    resync();
                } else {
                    LOG.error("netlink event subscription {} stopped: {}", where, e.getMessage());
                    closed = true;
                }
            }
        }
    }

    private void resync() {
        try {
            listener.onResync(handle.links(), handle.addrs());
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("netlink resync {} failed", where, e);
            }
        }
    }

    private void dispatch(ByteBuffer buffer, int offset, int type) {
        NetlinkEvent event = switch (type) {
            case Rtm.NEWLINK, Rtm.DELLINK -> new NetlinkEvent.LinkChanged(links.link(buffer, offset), type == Rtm.DELLINK);
            case Rtm.NEWADDR, Rtm.DELADDR -> new NetlinkEvent.AddrChanged(RtnlDecoder.addr(buffer, offset), type == Rtm.DELADDR);
            default -> null;
        };
        if (event == null || closed) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("netlink event listener {} failed on {}", where, event, e);
        }
    }
}
