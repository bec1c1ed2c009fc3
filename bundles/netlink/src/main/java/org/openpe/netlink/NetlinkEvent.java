package org.openpe.netlink;

/** A change notification from the kernel. Events are state snapshots: duplicates are normal. */
public sealed interface NetlinkEvent permits NetlinkEvent.LinkChanged, NetlinkEvent.AddrChanged {
    /** RTM_NEWLINK ({@code removed == false}) or RTM_DELLINK. */
    record LinkChanged(Link link, boolean removed) implements NetlinkEvent {
    }

    /** RTM_NEWADDR ({@code removed == false}) or RTM_DELADDR. */
    record AddrChanged(Addr addr, boolean removed) implements NetlinkEvent {
    }
}
