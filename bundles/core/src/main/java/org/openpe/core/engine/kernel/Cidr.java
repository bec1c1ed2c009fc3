package org.openpe.core.engine.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.openpe.api.kernel.Address;

/** Canonical text of address/prefix pairs, so that {@code 2001:db8::1/64} and {@code 2001:DB8:0::1/64} compare equal. */
final class Cidr {

    private Cidr() {}

    static String normalize(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        String prefix = slash < 0 ? "" : cidr.substring(slash);
        try {
            return InetAddress.getByName(host).getHostAddress() + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + cidr, e);
        }
    }

    static Address normalize(Address address) {
        return new Address(address.netns(), address.device(), normalize(address.cidr()));
    }
}
