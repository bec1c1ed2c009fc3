package org.openpe.netlink.internal.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes netlink messages into one reusable direct buffer with absolute puts: no allocation per message.
 * Several messages may be appended back to back to form a batch. Not thread-safe (one per socket).
 */
public final class NlWriter {
    private ByteBuffer buffer;
    private int position;
    private int messageStart;

    public NlWriter(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    /** Forgets everything written so far. */
    public NlWriter reset() {
        position = 0;
        return this;
    }

    /** The written bytes as [0, length); valid until the next write. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    /** Starts a message; its length is patched by {@link #end()}. */
    public NlWriter begin(int type, int flags, int seq) {
        messageStart = position;
        ensure(Nl.HDRLEN);
        buffer.putInt(position, 0);
        buffer.putShort(position + 4, (short) type);
        buffer.putShort(position + 6, (short) flags);
        buffer.putInt(position + 8, seq);
        buffer.putInt(position + 12, 0);
        position += Nl.HDRLEN;
        return this;
    }

    public NlWriter end() {
        buffer.putInt(messageStart, position - messageStart);
        return this;
    }

    public NlWriter ifinfomsg(int family, int index, int flags, int change) {
        ensure(16);
        buffer.put(position, (byte) family);
        buffer.put(position + 1, (byte) 0);
        buffer.putShort(position + 2, (short) 0);
        buffer.putInt(position + 4, index);
        buffer.putInt(position + 8, flags);
        buffer.putInt(position + 12, change);
        position += 16;
        return this;
    }

    public NlWriter ifaddrmsg(int family, int prefixLength, int flags, int scope, int index) {
        ensure(8);
        buffer.put(position, (byte) family);
        buffer.put(position + 1, (byte) prefixLength);
        buffer.put(position + 2, (byte) flags);
        buffer.put(position + 3, (byte) scope);
        buffer.putInt(position + 4, index);
        position += 8;
        return this;
    }

    /** rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
    public NlWriter rtmsg(int family, int dstLength, int table, int protocol, int scope, int type) {
        ensure(12);
        buffer.put(position, (byte) family);
        buffer.put(position + 1, (byte) dstLength);
        buffer.put(position + 2, (byte) 0);
        buffer.put(position + 3, (byte) 0);
        buffer.put(position + 4, (byte) table);
        buffer.put(position + 5, (byte) protocol);
        buffer.put(position + 6, (byte) scope);
        buffer.put(position + 7, (byte) type);
        buffer.putInt(position + 8, 0);
        position += 12;
        return this;
    }

    public NlWriter u8(int type, int value) {
        int at = header(type, 1);
        buffer.put(at, (byte) value);
        return pad(1);
    }

    public NlWriter u32(int type, int value) {
        int at = header(type, 4);
        buffer.putInt(at, value);
        return pad(4);
    }

    /** A 16-bit value in network byte order (e.g. a UDP port). */
    public NlWriter be16(int type, int value) {
        int at = header(type, 2);
        buffer.put(at, (byte) (value >>> 8));
        buffer.put(at + 1, (byte) value);
        return pad(2);
    }

    /** A NUL-terminated string, as the kernel expects for names. */
    public NlWriter string(int type, String value) {
        return chars(type, value, true);
    }

    /** A string without terminating NUL, as iproute2 sends IFLA_INFO_KIND. */
    public NlWriter stringNoNul(int type, String value) {
        return chars(type, value, false);
    }

    public NlWriter address(int type, InetAddress address) {
        return bytes(type, address.getAddress());
    }

    /** A 48-bit MAC address. */
    public NlWriter mac(int type, long mac) {
        int at = header(type, 6);
        for (int i = 0; i < 6; i++) {
            buffer.put(at + i, (byte) (mac >>> (40 - 8 * i)));
        }
        return pad(6);
    }

    public NlWriter bytes(int type, byte[] value) {
        int at = header(type, value.length);
        buffer.put(at, value);
        return pad(value.length);
    }

    /** Opens a nested attribute; returns the token for {@link #nestEnd(int)}. */
    public int nestStart(int type) {
        int at = position;
        header(type, 0);
        return at;
    }

    public NlWriter nestEnd(int token) {
        buffer.putShort(token, (short) (position - token));
        return this;
    }

    private NlWriter chars(int type, String value, boolean terminate) {
        int length = value.length();
        if (!isAscii(value)) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int at = header(type, utf8.length + (terminate ? 1 : 0));
            buffer.put(at, utf8);
            if (terminate) {
                buffer.put(at + utf8.length, (byte) 0);
            }
            return pad(utf8.length + (terminate ? 1 : 0));
        }
        int payload = length + (terminate ? 1 : 0);
        int at = header(type, payload);
        for (int i = 0; i < length; i++) {
            buffer.put(at + i, (byte) value.charAt(i));
        }
        if (terminate) {
            buffer.put(at + length, (byte) 0);
        }
        return pad(payload);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Writes an attribute header and returns the payload offset; the cursor stays at the payload. */
    private int header(int type, int payloadLength) {
        ensure(Nl.align(Nl.ATTR_HDRLEN + payloadLength));
        buffer.putShort(position, (short) (Nl.ATTR_HDRLEN + payloadLength));
        buffer.putShort(position + 2, (short) type);
        position += Nl.ATTR_HDRLEN;
        return position;
    }

    /** Moves past a payload and zeroes the alignment padding. */
    private NlWriter pad(int payloadLength) {
        int end = position + payloadLength;
        int aligned = Nl.align(end);
        for (int i = end; i < aligned; i++) {
            buffer.put(i, (byte) 0);
        }
        position = aligned;
        return this;
    }

    private void ensure(int extra) {
        if (position + extra > buffer.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, position + extra))
                    .order(ByteOrder.nativeOrder());
            bigger.put(0, buffer, 0, position);
            buffer = bigger;
        }
    }
}
