package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.Addr;
import org.openpe.netlink.EventListener;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.Link;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkEvent;
import org.openpe.netlink.NetlinkHandle;
import org.openpe.netlink.Subscription;

@Tag("kernel")
class EventKernelTest {
    private KernelFixture fixture;
    /** Events come within milliseconds; the bound only has to outlast a machine busy with other builds. */
    private static final int EVENT_BOUND_SECONDS = 30;

    private NetlinkHandle h;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
        h = Netlink.open(fixture.namespace("ev"));
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void linkAndAddressChangesArrive() throws Exception {
        Subscription subscription = h.subscribe(new EventListener() {
            @Override
            public void onEvent(NetlinkEvent event) {
                received.add(event);
            }

            @Override
            public void onResync(List<Link> links, List<Addr> addrs) {
                received.add(links);
            }
        });
        Object initial = received.poll(EVENT_BOUND_SECONDS, TimeUnit.SECONDS);
        assertTrue(initial instanceof List<?> links && links.size() == 1, "initial resync lists lo: " + initial);

        h.linkAdd(new LinkSpec.Bridge("evbr"));
        await(e -> e instanceof NetlinkEvent.LinkChanged c && !c.removed() && c.link().name().equals("evbr"));
        h.linkSetUp("evbr");
        await(e -> e instanceof NetlinkEvent.LinkChanged c && c.link().name().equals("evbr") && c.link().isUp());
        h.addrAdd("evbr", IpPrefix.parse("10.9.9.9/24"));
        await(e -> e instanceof NetlinkEvent.AddrChanged c && !c.removed()
                && c.addr().prefix().equals(IpPrefix.parse("10.9.9.9/24")));
        h.addrDelete("evbr", IpPrefix.parse("10.9.9.9/24"));
        await(e -> e instanceof NetlinkEvent.AddrChanged c && c.removed());
        h.linkDelete("evbr");
        await(e -> e instanceof NetlinkEvent.LinkChanged c && c.removed() && c.link().name().equals("evbr"));

        subscription.close();
        assertTrue(subscription.isClosed());
        received.clear();
        h.linkAdd(new LinkSpec.Bridge("after"));
        Thread.sleep(300);
        assertFalse(received.stream().anyMatch(e -> e instanceof NetlinkEvent), "no events after close: " + received);
    }

    @Test
    void overflowTriggersFullResync() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BlockingQueue<List<Link>> resyncs = new LinkedBlockingQueue<>();
        try (Subscription subscription = h.subscribe(new EventListener() {
            @Override
            public void onEvent(NetlinkEvent event) {
                received.add(event);
            }

            @Override
            public void onResync(List<Link> links, List<Addr> addrs) {
                resyncs.add(links);
                try {
                    release.await(); // a stalled reader: the kernel must drop notifications meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 16 * 1024)) {
            assertTrue(resyncs.poll(EVENT_BOUND_SECONDS, TimeUnit.SECONDS).size() == 1, "initial resync sees only lo");
            for (int i = 0; i < 300; i++) {
                h.linkAdd(new LinkSpec.Bridge("ov" + i));
            }
            release.countDown();
            List<Link> after = resyncs.poll(EVENT_BOUND_SECONDS, TimeUnit.SECONDS);
            assertNotNull(after, "ENOBUFS must lead to a resync");
            assertTrue(after.size() == 301, "resync sees the full state, got " + after.size());
            assertTrue(received.size() < 300, "notifications were dropped: " + received.size());
        }
    }

    private void await(Predicate<Object> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EVENT_BOUND_SECONDS);
        while (System.nanoTime() < deadline) {
            Object event = received.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && wanted.test(event)) {
                return;
            }
        }
        assertNotNull(null, "expected event did not arrive within " + EVENT_BOUND_SECONDS + " s");
    }
}
