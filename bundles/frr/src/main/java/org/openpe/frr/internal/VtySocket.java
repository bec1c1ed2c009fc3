package org.openpe.frr.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.openpe.frr.FrrException;

/**
 * One connection to a daemon's vty socket ({@code <runDir>/<pathspace>/<daemon>.vty}), the
 * protocol vtysh speaks: a command terminated by a NUL byte; the daemon answers with its output
 * and then three NUL bytes and the command's status (0: success). No process is started.
 * Not thread-safe; a blocked read ends when {@link #close()} is called from another thread.
 */
final class VtySocket implements AutoCloseable {

    /** The status and output of one command. */
    record Reply(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    private final String daemon;
    private final SocketChannel channel;
    /** What was received and not yet returned: the start of the next reply(ies). */
    private byte[] received = new byte[64 * 1024];
    private int length;
    /** How far {@link #received} is known to hold no end marker. */
    private int scanned;

    private VtySocket(String daemon, SocketChannel channel) {
        this.daemon = daemon;
        this.channel = channel;
    }

    /** Connects and enters the enable node, as vtysh does. */
    static VtySocket open(Path runDir, String daemon) {
        Path socket = runDir.resolve(daemon + ".vty");
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            VtySocket vty = new VtySocket(daemon, channel);
            vty.require("enable");
            return vty;
        } catch (IOException e) {
            throw new FrrException("cannot connect to " + socket + ": " + e.getMessage(), e);
        }
    }

    String daemon() {
        return daemon;
    }

    Reply execute(String command) {
        send(command);
        return receive();
    }

    /**
     * Sends a command without waiting for its reply: several can be in flight, and {@link #receive}
     * returns their replies in order. A daemon reads them together, which spares bgpd an event-loop
     * round per command (with 1,000 VRF instances each round costs milliseconds).
     */
    void send(String command) {
        try {
            ByteBuffer request = ByteBuffer.wrap((command + "\0").getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                channel.write(request);
            }
        } catch (IOException e) {
            throw new FrrException("vty of " + daemon + ": " + e.getMessage(), e);
        }
    }

    /** The reply to the oldest command sent and not answered yet. */
    Reply receive() {
        try {
            while (true) {
                int end = endMarker();
                if (end >= 0) {
                    Reply reply = new Reply(received[end + 3] & 0xff, new String(received, 0, end, StandardCharsets.UTF_8));
                    length -= end + 4;
                    System.arraycopy(received, end + 4, received, 0, length);
                    scanned = 0;
                    return reply;
                }
                if (length == received.length) {
                    received = Arrays.copyOf(received, received.length * 2);
                }
                int read = channel.read(ByteBuffer.wrap(received, length, received.length - length));
                if (read < 0) {
                    throw new FrrException(daemon + " closed its vty while executing a command");
                }
                length += read;
            }
        } catch (IOException e) {
            throw new FrrException("vty of " + daemon + ": " + e.getMessage(), e);
        }
    }

    /** Where the three NUL bytes ending the first complete reply start, or -1 while it is incomplete. */
    private int endMarker() {
        for (int i = scanned; i + 3 < length; i++) {
            if (received[i] == 0 && received[i + 1] == 0 && received[i + 2] == 0) {
                return i;
            }
        }
        scanned = Math.max(0, length - 3);
        return -1;
    }

    /** @throws FrrException with the daemon's output when it refuses {@code command} */
    String require(String command) {
        Reply reply = execute(command);
        if (!reply.ok()) {
            throw new FrrException(daemon + " refused '" + command + "' (status " + reply.status() + "): " + reply.output().strip());
        }
        return reply.output();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was pending on it
        }
    }
}
