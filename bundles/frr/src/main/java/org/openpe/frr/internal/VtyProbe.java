package org.openpe.frr.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether a daemon answers on its vty socket ({@code <runDir>/<pathspace>/<daemon>.vty}) within a
 * bound, speaking vtysh's protocol: a NUL-terminated command, answered by its output and three NUL
 * bytes plus a status byte. Non-blocking throughout, so a stopped daemon (its backlog full, nobody
 * reading) costs at most the bound.
 */
final class VtyProbe {

    private static final byte[] COMMAND = "show version\0".getBytes(StandardCharsets.US_ASCII);

    private VtyProbe() {
    }

    static boolean answers(Path socket, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (!await(selector, deadline) || !channel.finishConnect()) {
                    return false;
                }
                channel.keyFor(selector).cancel();
                selector.selectNow();
            }
            ByteBuffer out = ByteBuffer.wrap(COMMAND);
            channel.write(out);
            if (out.hasRemaining()) {
                return false; // a 13-byte command that does not fit: the daemon reads nothing
            }
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(8192);
            int zeros = 0;
            while (await(selector, deadline)) {
                selector.selectedKeys().clear();
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    byte b = in.get(i);
                    if (zeros >= 3) {
                        return true; // the status byte after three NULs: the command ran
                    }
                    zeros = b == 0 ? zeros + 1 : 0;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // no socket, refused, or the backlog of a stopped daemon is full
        }
    }

    private static boolean await(Selector selector, long deadline) throws IOException {
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        return millis > 0 && selector.select(millis) > 0;
    }
}
