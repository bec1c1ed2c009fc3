package org.openpe.netlink;

import java.util.List;

/** Receives link and address changes of one namespace, on the subscription's reader thread. */
public interface EventListener {
    void onEvent(NetlinkEvent event);

    /**
     * The kernel dropped notifications (receive buffer overflow, ENOBUFS); here is the complete current state
     * to reconcile against. Also called when the subscription starts, so the listener begins from a full view.
     */
    void onResync(List<Link> links, List<Addr> addrs);
}
