package org.openpe.netlink.internal.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Flyweight access to netlink attributes in a buffer. Iterate with
 * {@code for (int a = start; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a))}.
 */
public final class NlAttrs {
    private NlAttrs() {
    }

    public static boolean fits(ByteBuffer b, int at, int end) {
        if (at + Nl.ATTR_HDRLEN > end) {
            return false;
        }
        int length = length(b, at);
        return length >= Nl.ATTR_HDRLEN && at + length <= end;
    }

    public static int next(ByteBuffer b, int at) {
        return at + Nl.align(length(b, at));
    }

    public static int type(ByteBuffer b, int at) {
        return b.getShort(at + 2) & Nl.NLA_TYPE_MASK;
    }

    public static int length(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    public static int payload(int at) {
        return at + Nl.ATTR_HDRLEN;
    }

    public static int payloadLength(ByteBuffer b, int at) {
        return length(b, at) - Nl.ATTR_HDRLEN;
    }

    /** End offset of the payload; for nested attributes the end of the children. */
    public static int end(ByteBuffer b, int at) {
        return at + length(b, at);
    }

    public static int u8(ByteBuffer b, int at) {
        return b.get(payload(at)) & 0xff;
    }

    public static int u32(ByteBuffer b, int at) {
        return b.getInt(payload(at));
    }

    public static int be16(ByteBuffer b, int at) {
        int p = payload(at);
        return ((b.get(p) & 0xff) << 8) | (b.get(p + 1) & 0xff);
    }

    /** The string payload up to the first NUL (the kernel terminates most strings; IFLA_INFO_KIND may not be). */
    public static String string(ByteBuffer b, int at) {
        int start = payload(at);
        int length = payloadLength(b, at);
        byte[] bytes = new byte[length];
        b.get(start, bytes);
        int stop = 0;
        while (stop < length && bytes[stop] != 0) {
            stop++;
        }
        return new String(bytes, 0, stop, StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #string} but returns the constant from {@code known} when the payload spells it, so that
     * recurring values (device kinds) cost no allocation.
     */
    public static String string(ByteBuffer b, int at, String[] known) {
        int start = payload(at);
        int length = stringLength(b, at);
        for (String candidate : known) {
            if (candidate.length() == length && spells(b, start, candidate)) {
                return candidate;
            }
        }
        return string(b, at);
    }

    private static int stringLength(ByteBuffer b, int at) {
        int start = payload(at);
        int limit = start + payloadLength(b, at);
        int stop = start;
        while (stop < limit && b.get(stop) != 0) {
            stop++;
        }
        return stop - start;
    }

    private static boolean spells(ByteBuffer b, int start, String candidate) {
        for (int i = 0; i < candidate.length(); i++) {
            if (b.get(start + i) != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static byte[] bytes(ByteBuffer b, int at) {
        byte[] bytes = new byte[payloadLength(b, at)];
        b.get(payload(at), bytes);
        return bytes;
    }

    /** An IPv4 or IPv6 address payload. */
    public static InetAddress address(ByteBuffer b, int at) {
        try {
            return InetAddress.getByAddress(bytes(b, at));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("attribute " + type(b, at) + " is not an IP address ("
                    + payloadLength(b, at) + " bytes)", e);
        }
    }

    /** A 6-byte hardware address payload as 48 bits, or -1 when the payload is not 6 bytes. */
    public static long mac(ByteBuffer b, int at) {
        if (payloadLength(b, at) != 6) {
            return -1;
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (b.get(payload(at) + i) & 0xff);
        }
        return bits;
    }
}
