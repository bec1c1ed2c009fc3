package org.openpe.api.model;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 prefix such as {@code 192.169.10.0/24}. {@link #address()} is the address as
 * written; {@link #network()} has the host bits cleared. Parsing never resolves host names.
 */
public record Cidr(InetAddress address, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public Cidr {
        int max = bits(address);
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range 0.." + max);
        }
    }

    /** Parses {@code address/prefix}; the message of the exception says what is wrong. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR (expected address/prefix, e.g. 10.0.0.0/24)");
        }
        InetAddress address = parseAddress(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length '" + prefix + "'");
        }
        int length = Integer.parseInt(prefix);
        if (length > bits(address)) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length above " + bits(address));
        }
        return new Cidr(address, length);
    }

    /** Parses a literal IPv4 or IPv6 address (no host names, no zone ids). */
    public static InetAddress parseAddress(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (!v4 && address instanceof Inet4Address) {
                throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped IPv6 address, write it as IPv4");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The number of addresses in this prefix. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits(address) - prefixLength);
    }

    public InetAddress network() {
        return toAddress(toNumber(address).andNot(size().subtract(BigInteger.ONE)), isIpv4());
    }

    /** {@code network + n}; fails with a message naming this CIDR when {@code n} does not fit. */
    public InetAddress host(long n) {
        if (n < 0 || BigInteger.valueOf(n).compareTo(size()) >= 0) {
            throw new IllegalArgumentException("host " + n + " does not fit in " + this);
        }
        return toAddress(toNumber(network()).add(BigInteger.valueOf(n)), isIpv4());
    }

    /** Whether {@code n} is a host offset inside this prefix. */
    public boolean fits(long n) {
        return n >= 0 && BigInteger.valueOf(n).compareTo(size()) < 0;
    }

    public boolean contains(InetAddress other) {
        if ((other instanceof Inet4Address) != isIpv4()) {
            return false;
        }
        BigInteger mask = size().subtract(BigInteger.ONE);
        return toNumber(other).andNot(mask).equals(toNumber(network()));
    }

    /** Either network contains the other's address. */
    public boolean overlaps(Cidr other) {
        return contains(other.address) || other.contains(address);
    }

    /** The offset of {@code member} from the network address. */
    public BigInteger offsetOf(InetAddress member) {
        if (!contains(member)) {
            throw new IllegalArgumentException(format(member) + " is not in " + this);
        }
        return toNumber(member).subtract(toNumber(network()));
    }

    /** {@code address/prefix}, IPv6 in the RFC 5952 form ({@code 2001:db8::1/64}). */
    @Override
    public String toString() {
        return format(address) + "/" + prefixLength;
    }

    /** The text form of an address; IPv6 in the RFC 5952 form ({@code 2001:db8::1}), as {@code ip} and FRR print it. */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
            } else {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(groups[i]));
            }
        }
        return sb.toString();
    }

    static int bits(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    private static BigInteger toNumber(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    private static InetAddress toAddress(BigInteger value, boolean ipv4) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[ipv4 ? 4 : 16];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
