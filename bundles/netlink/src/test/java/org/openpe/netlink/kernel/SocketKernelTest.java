package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.internal.codec.NlWriter;
import org.openpe.netlink.internal.codec.RtnlEncoder;
import org.openpe.netlink.internal.ffi.Native;
import org.openpe.netlink.internal.ns.Namespaces;
import org.openpe.netlink.internal.socket.NlSocket;

/** Socket-level behaviour: ack overflow recovery and port ids. */
@Tag("kernel")
class SocketKernelTest {
    private KernelFixture fixture;
    private String ns;

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
        ns = fixture.namespace("sock");
    }

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void lostAcksAreReportedAndTheSocketStaysUsable() throws Exception {
        try (NlSocket socket = socketIn(ns); NlSocket other = socketIn(ns)) {
            assertTrue(socket.portId() != other.portId(), "kernel-assigned port ids are unique");
            socket.setReceiveBuffer(4096);
            NlWriter w = socket.writer();
            int first = socket.nextSeq();
            for (int i = 0; i < 100; i++) {
                RtnlEncoder.newLink(w, i == 0 ? first : socket.nextSeq(), new LinkSpec.Bridge("ack" + i),
                        LinkOptions.none(), 0, -1, 0);
            }
            NetlinkException overflow = assertThrows(NetlinkException.class, () -> socket.batch(first, 100));
            assertEquals("ENOBUFS", overflow.errnoName());

            RtnlEncoder.getLink(socket.writer(), socket.nextSeq(), "ack99");
            int[] index = {0};
            assertTrue(socket.get((b, at, type) -> index[0] = b.getInt(at + 20), 19));
            assertTrue(index[0] > 0, "the next request gets its own reply after the overflow");
        }
    }

    @Test
    void datagramsLargerThanTheBufferAreNeverCut() throws Exception {
        try (org.openpe.netlink.NetlinkHandle h = org.openpe.netlink.Netlink.open(ns)) {
            for (int i = 0; i < 50; i++) {
                h.linkAdd(new LinkSpec.Bridge("big" + i));
            }
        }
        try (NlSocket socket = socketIn(ns, 512)) {
            int[] links = {0};
            RtnlEncoder.dumpLinks(socket.writer(), 0);
            socket.dump((b, at, type) -> links[0]++, () -> links[0] = 0);
            assertEquals(51, links[0], "every link of a dump whose datagrams exceed 512 bytes");
        }
    }

    private static NlSocket socketIn(String namespace) throws Exception {
        return socketIn(namespace, 64 * 1024);
    }

    private static NlSocket socketIn(String namespace, int receiveBuffer) throws Exception {
        int fd = Namespaces.openFd("/run/netns/" + namespace, "test");
        try {
            FutureTask<NlSocket> task = new FutureTask<>(() -> {
                Namespaces.enter(fd, namespace);
                return NlSocket.open(5000, receiveBuffer);
            });
            new Thread(task).start();
            return task.get();
        } finally {
            Native.libc().close(fd);
        }
    }
}
