package org.openpe.api.kernel;

import java.net.InetAddress;

/** The type-specific part of a link. */
public sealed interface LinkKind {

    /** One leg of a veth pair; both legs are declared, each naming the other. */
    record Veth(String peer, Netns peerNetns) implements LinkKind {}

    record Bridge() implements LinkKind {}

    /** A VXLAN device with learning off, bound to {@code device} and the local VTEP address. */
    record Vxlan(long vni, InetAddress local, int port, String device) implements LinkKind {}

    record Vrf(int table) implements LinkKind {}

    record Dummy() implements LinkKind {}

    /** A device OpenPE does not create, only configures (for example the underlay NIC). */
    record Existing() implements LinkKind {}
}
