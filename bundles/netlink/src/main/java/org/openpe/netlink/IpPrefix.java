package org.openpe.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address with a prefix length, e.g. {@code 10.0.0.1/24} (host bits are kept: as an interface address the
 * address itself matters) or {@code 0.0.0.0/0}.
 */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of range 0.." + max + " for " + address.getHostAddress());
        }
    }

    /** Parses {@code 10.0.0.1/24}, {@code 2001:db8::1/64} or {@code default}/{@code default6}. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (!host.isEmpty() && Character.digit(host.charAt(0), 16) < 0 && host.charAt(0) != ':') {
            throw new IllegalArgumentException("not an IP prefix: " + text);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            int max = address instanceof Inet4Address ? 32 : 128;
            int length = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            return new IpPrefix(address, length);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP prefix: " + text, e);
        }
    }

    /** The IPv4 default route 0.0.0.0/0. */
    public static IpPrefix defaultV4() {
        return parse("0.0.0.0/0");
    }

    /** The IPv6 default route ::/0. */
    public static IpPrefix defaultV6() {
        return parse("::/0");
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
