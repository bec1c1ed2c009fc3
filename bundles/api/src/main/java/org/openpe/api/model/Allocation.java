package org.openpe.api.model;

import java.net.InetAddress;

/**
 * Per-node address allocation, identical to the reference implementation (spec section 4). Every
 * method fails with an {@link AllocationException} naming the node index and the CIDR when the
 * CIDR is too small for the index.
 */
public final class Allocation {

    private Allocation() {}

    /** The BGP router id: {@code host(routeridcidr, i + 1)}, e.g. {@code 10.0.0.4} for index 3. */
    public static String routerId(String routerIdCidr, int nodeIndex) {
        return Cidr.format(host(Cidr.parse(routerIdCidr), (long) nodeIndex + 1, nodeIndex));
    }

    /**
     * The VTEP address with a host prefix: {@code host(vtepcidr, i)}, e.g. {@code 100.65.0.0/32}
     * for index 0 (the network address really is used, as in the reference).
     */
    public static String vtepAddress(String vtepCidr, int nodeIndex) {
        Cidr cidr = Cidr.parse(vtepCidr);
        return Cidr.format(host(cidr, nodeIndex, nodeIndex)) + "/" + Cidr.bits(cidr.address());
    }

    /**
     * The addresses of a host-session veth pair, both with the prefix length of {@code localCidr}
     * (IPv6 in the RFC 5952 form).
     * The router side is the same on every node.
     */
    public static VethAddresses veth(String localCidr, int nodeIndex) {
        Cidr cidr = Cidr.parse(localCidr);
        InetAddress network = host(cidr, 0, nodeIndex);
        byte[] bytes = network.getAddress();
        boolean moved = bytes[bytes.length - 1] == 0;
        long routerOffset = moved ? 1 : 0;
        long hostOffset = (long) nodeIndex + routerOffset + 1;
        String suffix = "/" + cidr.prefixLength();
        return new VethAddresses(
                Cidr.format(host(cidr, routerOffset, nodeIndex)) + suffix,
                Cidr.format(host(cidr, hostOffset, nodeIndex)) + suffix);
    }

    private static InetAddress host(Cidr cidr, long offset, int nodeIndex) {
        if (nodeIndex < 0) {
            throw new AllocationException("node index " + nodeIndex + " is negative");
        }
        if (!cidr.fits(offset)) {
            throw new AllocationException("CIDR " + cidr + " is too small for node index " + nodeIndex
                    + " (it has " + cidr.size() + " addresses, address #" + offset + " is needed)");
        }
        return cidr.host(offset);
    }

    /**
     * The two ends of a host-session veth pair, each as {@code address/prefix}.
     *
     * @param routerSide the leg in the router namespace, the same on every node
     * @param hostSide the leg in the host namespace, different on every node
     */
    public record VethAddresses(String routerSide, String hostSide) {

        /** The router-side address without its prefix length (the BGP neighbor address seen from the host). */
        public String routerAddress() {
            return routerSide.substring(0, routerSide.indexOf('/'));
        }

        /** The host-side address without its prefix length (the BGP neighbor address seen from the router). */
        public String hostAddress() {
            return hostSide.substring(0, hostSide.indexOf('/'));
        }
    }
}
