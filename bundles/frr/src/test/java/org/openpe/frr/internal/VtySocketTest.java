package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtySocketTest {

    @TempDir
    Path runDir;

    /** A daemon answering every command it reads at once, its replies in one write: the reader splits them. */
    @Test
    void repliesToCommandsInFlightComeBackInOrderWhateverTheReadsCut() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(runDir.resolve("zebra.vty")));
            String big = "x".repeat(200_000);
            CompletableFuture<List<String>> daemon = CompletableFuture.supplyAsync(() -> answer(server, big));

            try (VtySocket vty = VtySocket.open(runDir, "zebra")) {
                vty.send("vrf red");
                vty.send("vni 100");
                vty.send("show running-config");
                assertEquals(new VtySocket.Reply(0, "one"), vty.receive());
                assertEquals(new VtySocket.Reply(1, "% refused"), vty.receive());
                assertEquals(new VtySocket.Reply(0, big), vty.receive());
                assertEquals(new VtySocket.Reply(0, ""), vty.execute("exit-vrf"));
            }
            assertEquals(List.of("enable", "vrf red", "vni 100", "show running-config", "exit-vrf"), daemon.get());
        }
    }

    private static List<String> answer(ServerSocketChannel server, String big) {
        try (SocketChannel client = server.accept()) {
            List<String> commands = new java.util.ArrayList<>(read(client, 1));
            write(client, reply(0, ""));
            commands.addAll(read(client, 3));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(reply(0, "one"));
            all.writeBytes(reply(1, "% refused"));
            all.writeBytes(reply(0, big));
            write(client, all.toByteArray());
            commands.addAll(read(client, 1));
            write(client, reply(0, ""));
            return commands;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(SocketChannel client, int commands) throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (in.toString(StandardCharsets.UTF_8).chars().filter(c -> c == 0).count() < commands) {
            buffer.clear();
            client.read(buffer);
            in.write(buffer.array(), 0, buffer.position());
        }
        return List.of(in.toString(StandardCharsets.UTF_8).split("\0"));
    }

    private static byte[] reply(int status, String output) {
        byte[] text = output.getBytes(StandardCharsets.UTF_8);
        byte[] reply = java.util.Arrays.copyOf(text, text.length + 4);
        reply[text.length + 3] = (byte) status;
        return reply;
    }

    private static void write(SocketChannel client, byte[] bytes) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }
}
