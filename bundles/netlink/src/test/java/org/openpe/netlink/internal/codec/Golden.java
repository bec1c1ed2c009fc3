package org.openpe.netlink.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Captured netlink messages: {@code name hex} lines (several lines may share a name). */
final class Golden {
    private final Map<String, List<byte[]>> messages = new LinkedHashMap<>();

    Golden(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                messages.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(HexFormat.of().parseHex(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] one(String name) {
        List<byte[]> all = all(name);
        if (all.size() != 1) {
            throw new IllegalStateException(name + " has " + all.size() + " messages");
        }
        return all.get(0);
    }

    List<byte[]> all(String name) {
        List<byte[]> found = messages.get(name);
        if (found == null) {
            throw new IllegalStateException("no golden message " + name);
        }
        return found;
    }

    /** The message in a direct native-order buffer, as a socket would receive it. */
    static ByteBuffer buffer(byte[] message) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(message.length).order(ByteOrder.nativeOrder());
        buffer.put(0, message);
        return buffer;
    }

    /** The nlmsg_seq of a captured request. */
    static int seq(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }
}
