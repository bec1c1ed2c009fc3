package org.openpe.core.engine.kernel;

/**
 * How OpenPE recognises what it created: every link it creates carries this link group, every
 * route this protocol number. Only such objects are ever removed.
 */
public final class Ownership {

    /** {@code ip link ... group 28528}: the link group of every device OpenPE creates. */
    public static final int LINK_GROUP = 0x6f70;

    /** {@code ip route ... proto 111}: the protocol number of every route OpenPE adds. */
    public static final int ROUTE_PROTOCOL = 111;

    private Ownership() {}
}
