package org.openpe.frr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

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
        try {
            ByteBuffer request = ByteBuffer.wrap((command + "\0").getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            byte[] tail = new byte[4]; // the last four bytes received: the end marker once complete
            while (true) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    throw new FrrException(daemon + " closed its vty while executing a command");
                }
                output.write(buffer.array(), 0, buffer.position());
                for (int i = Math.max(0, buffer.position() - 4); i < buffer.position(); i++) {
                    System.arraycopy(tail, 1, tail, 0, 3);
                    tail[3] = buffer.get(i);
                }
                if (output.size() >= 4 && tail[0] == 0 && tail[1] == 0 && tail[2] == 0) {
                    byte[] bytes = output.toByteArray();
                    return new Reply(tail[3] & 0xff, new String(bytes, 0, bytes.length - 4, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new FrrException("vty of " + daemon + ": " + e.getMessage(), e);
        }
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
