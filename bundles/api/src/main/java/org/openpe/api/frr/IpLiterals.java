package org.openpe.api.frr;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.regex.Pattern;

/** Validation and ordering of IP literals and prefixes, without ever resolving a host name. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Addresses ordered by family (IPv4 first), then numerically. */
    static final Comparator<String> ADDRESS_ORDER = Comparator
            .comparing((String a) -> isIpv6(a))
            .thenComparing(a -> new BigInteger(1, parse(a).getAddress()));

    /** Prefixes ordered like their addresses, then by length. */
    static final Comparator<String> PREFIX_ORDER = Comparator
            .comparing((String p) -> p.substring(0, p.indexOf('/')), ADDRESS_ORDER)
            .thenComparingInt(p -> Integer.parseInt(p.substring(p.indexOf('/') + 1)));

    private IpLiterals() {}

    static boolean isIpv6(String address) {
        return address.indexOf(':') >= 0;
    }

    /** @throws IllegalArgumentException naming {@code what} and the value when it is not an IP literal */
    static String requireAddress(String address, String what) {
        if (address == null || !isLiteral(address)) {
            throw new IllegalArgumentException(what + " must be an IPv4 or IPv6 address, got '" + address + "'");
        }
        return address;
    }

    /** @throws IllegalArgumentException when {@code prefix} is not {@code <address>/<length>} */
    static String requirePrefix(String prefix, String what) {
        int slash = prefix == null ? -1 : prefix.indexOf('/');
        if (slash < 0 || !isLiteral(prefix.substring(0, slash)) || !validLength(prefix)) {
            throw new IllegalArgumentException(what + " must be an IP prefix like 10.0.0.1/32, got '" + prefix + "'");
        }
        return prefix;
    }

    private static boolean validLength(String prefix) {
        String length = prefix.substring(prefix.indexOf('/') + 1);
        if (!length.matches("\\d{1,3}")) {
            return false;
        }
        int max = isIpv6(prefix) ? 128 : 32;
        return Integer.parseInt(length) <= max;
    }

    private static boolean isLiteral(String address) {
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!IPV6.matcher(address).matches()) {
            return false;
        }
        try {
            parse(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Only ever called with strings shaped like literals, so no name lookup happens. */
    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
