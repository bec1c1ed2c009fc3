package org.openpe.netlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpe.netlink.Link;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.NetNamespaces;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.NetlinkHandle;
import org.openpe.netlink.internal.ns.Namespaces;

@Tag("kernel")
class NamespaceKernelTest {
    private KernelFixture fixture;

    @BeforeEach
    void setUp() {
        KernelFixture.assumeRoot();
        fixture = new KernelFixture();
    }

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void createListExistsDeleteLikeIpNetns() {
        String name = fixture.namespace("life");
        assertTrue(NetNamespaces.exists(name));
        assertTrue(NetNamespaces.list().contains(name));
        assertTrue(KernelFixture.run(List.of("ip", "netns", "list")).contains(name));
        String mountinfo = KernelFixture.run(List.of("cat", "/proc/self/mountinfo"));
        assertTrue(mountinfo.lines().anyMatch(l -> l.contains("/run/netns/" + name) && l.contains("nsfs")), mountinfo);

        try (NetlinkHandle h = Netlink.open(name)) {
            assertEquals(List.of("lo"), h.links().stream().map(Link::name).toList(), "a new namespace holds only lo");
        }

        NetlinkException duplicate = assertThrows(NetlinkException.class, () -> NetNamespaces.create(name));
        assertEquals("create network namespace " + name + ": EEXIST: namespace already exists", duplicate.getMessage());

        NetNamespaces.delete(name);
        assertFalse(NetNamespaces.exists(name));
        assertFalse(KernelFixture.run(List.of("ip", "netns", "list")).contains(name));
        NetlinkException missing = assertThrows(NetlinkException.class, () -> NetNamespaces.delete(name));
        assertEquals("ENOENT", missing.errnoName());
        NetlinkException open = assertThrows(NetlinkException.class, () -> Netlink.open(name));
        assertTrue(open.getMessage().startsWith("open network namespace " + name + ": ENOENT"), open.getMessage());
    }

    @Test
    void namespaceMadeByIpIsUsable() {
        String name = "nlt-ipmade-" + Long.toHexString(System.nanoTime() & 0xffffff);
        KernelFixture.run(List.of("ip", "netns", "add", name));
        try (NetlinkHandle h = Netlink.open(name)) {
            h.linkAdd(new LinkSpec.Bridge("viaip"));
            assertTrue(KernelFixture.run(List.of("ip", "-n", name, "link", "show", "viaip")).contains("viaip"));
        } finally {
            NetNamespaces.delete(name);
        }
        assertFalse(KernelFixture.run(List.of("ip", "netns", "list")).contains(name));
    }

    @Test
    void currentMeansTheCallingThreadsNamespace() throws Exception {
        String name = fixture.namespace("cur");
        try (NetlinkHandle h = Netlink.open(name)) {
            h.linkAdd(new LinkSpec.Bridge("marker"));
        }
        int fd = Namespaces.openFd("/run/netns/" + name, "test");
        FutureTask<List<String>> inside = new FutureTask<>(() -> {
            Namespaces.enter(fd, name);
            try (NetlinkHandle current = Netlink.openCurrent()) {
                return current.links().stream().map(Link::name).toList();
            }
        });
        Thread thread = new Thread(inside);
        thread.start();
        assertEquals(List.of("lo", "marker"), inside.get().stream().sorted().toList());
        org.openpe.netlink.internal.ffi.Native.libc().close(fd);

        try (NetlinkHandle host = Netlink.openCurrent()) {
            assertTrue(host.links().stream().noneMatch(l -> l.name().equals("marker")),
                    "the test thread itself is still in its own namespace");
            assertTrue(host.where().contains("current"));
        }
    }

    @Test
    void sysctlsArePerNamespace() throws Exception {
        String nsA = fixture.namespace("sa");
        String nsB = fixture.namespace("sb");
        String hostForwarding = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
        try (NetlinkHandle a = Netlink.open(nsA); NetlinkHandle b = Netlink.open(nsB)) {
            a.setSysctl("net.ipv4.ip_forward", "1");
            a.setSysctl("net/ipv6/conf/all/forwarding", "1");
            assertEquals("1", a.sysctl("net.ipv4.ip_forward"));
            assertEquals("1", a.sysctl("net/ipv6/conf/all/forwarding"));
            assertEquals("0", b.sysctl("net.ipv4.ip_forward"));
            assertEquals("1", KernelFixture.run(List.of("ip", "netns", "exec", nsA, "sysctl", "-n", "net.ipv4.ip_forward")).strip());
            assertEquals(hostForwarding, Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip());

            NetlinkException unknown = assertThrows(NetlinkException.class, () -> a.sysctl("net.ipv4.no_such_knob"));
            assertEquals("read sysctl net.ipv4.no_such_knob in " + nsA + ": ENOENT: no such sysctl", unknown.getMessage());
        }
    }

    @Test
    void closedHandleRefusesWork() {
        String name = fixture.namespace("closed");
        NetlinkHandle h = Netlink.open(name);
        h.close();
        NetlinkException e = assertThrows(NetlinkException.class, h::links);
        assertEquals("EBADF", e.errnoName());
        h.close();
    }
}
