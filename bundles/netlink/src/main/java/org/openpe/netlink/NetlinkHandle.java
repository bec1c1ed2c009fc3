package org.openpe.netlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openpe.netlink.internal.codec.Ifla;
import org.openpe.netlink.internal.codec.LinkDecoder;
import org.openpe.netlink.internal.codec.NlWriter;
import org.openpe.netlink.internal.codec.Rtm;
import org.openpe.netlink.internal.codec.RtnlDecoder;
import org.openpe.netlink.internal.codec.RtnlEncoder;
import org.openpe.netlink.internal.ffi.Errno;
import org.openpe.netlink.internal.ffi.Native;
import org.openpe.netlink.internal.ns.NamedNamespaces;
import org.openpe.netlink.internal.ns.NamespaceExecutor;
import org.openpe.netlink.internal.ns.Namespaces;
import org.openpe.netlink.internal.socket.NlSocket;

/**
 * rtnetlink operations on one network namespace, modelled on vishvananda/netlink's {@code Handle}. Devices
 * are named; names are resolved to ifindexes per call. Thread-safe: requests on the handle's socket are
 * serialised (the kernel serialises them under RTNL anyway). Every call is bounded by the handle's timeout
 * and fails with a {@link NetlinkException} naming what was attempted.
 */
public final class NetlinkHandle implements AutoCloseable {
    private static final int EVENT_POLL_MILLIS = 250;
    private static final int EVENT_BUFFER_BYTES = 8 * 1024 * 1024;
    private static final int BATCH_LIMIT = 200;

    private final Object lock = new Object();
    private final int nsFd;
    private final String where;
    private final int timeoutMillis;
    private final NamespaceExecutor executor;
    private final NlSocket socket;
    /** Guarded by {@code lock}, like the socket whose replies it decodes. */
    private final LinkDecoder linkDecoder = new LinkDecoder();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private NetlinkHandle(int nsFd, String where, int timeoutMillis, NamespaceExecutor executor, NlSocket socket) {
        this.nsFd = nsFd;
        this.where = where;
        this.timeoutMillis = timeoutMillis;
        this.executor = executor;
        this.socket = socket;
    }

    /** Takes ownership of {@code nsFd}. {@code nsId} null means the executor must always enter the namespace. */
    static NetlinkHandle open(int nsFd, String nsId, String where, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        NamespaceExecutor executor = new NamespaceExecutor(nsFd, nsId, where.substring(3), millis);
        try {
            NlSocket socket = executor.call("open netlink socket " + where, () -> NlSocket.open(millis));
            return new NetlinkHandle(nsFd, where, millis, executor, socket);
        } catch (RuntimeException e) {
            executor.close();
            Native.libc().close(nsFd);
            throw e;
        }
    }

    /** "in NAME" or "in the current namespace", as used in error messages. */
    public String where() {
        return where;
    }

    // ---------------------------------------------------------------- links

    /** Creates a device with kernel defaults, left down. */
    public void linkAdd(LinkSpec spec) {
        linkAdd(spec, LinkOptions.none());
    }

    /** Creates a device with {@code options} applied in the same request (see {@link LinkOptions}). */
    public void linkAdd(LinkSpec spec, LinkOptions options) {
        try {
            int master = options.master().map(this::lookUp).orElse(0);
            int vxlanDevice = spec instanceof LinkSpec.Vxlan vxlan ? vxlan.device().map(this::lookUp).orElse(0) : 0;
            boolean upLater = options.up() && options.addrGenMode().isPresent();
            LinkOptions now = upLater ? options.withUp(false) : options;
            Optional<String> peerNamespace = spec instanceof LinkSpec.Veth veth ? veth.peerNamespace() : Optional.empty();
            int peerFd = peerNamespace.map(ns -> Namespaces.openFd(NamedNamespaces.path(ns).toString(),
                    "open peer namespace " + ns)).orElse(-1);
            try {
                synchronized (lock) {
                    RtnlEncoder.newLink(writer(), socket.nextSeq(), spec, now, master, peerFd, vxlanDevice);
                    socket.ack();
                }
            } finally {
                if (peerFd >= 0) {
                    Native.libc().close(peerFd);
                }
            }
            if (options.addrGenMode().isPresent()) {
                int index = lookUp(spec.name());
                int mode = options.addrGenMode().get().code();
                ack(w -> RtnlEncoder.setAddrGenMode(w, socket.nextSeq(), index, mode));
                if (upLater) {
                    ack(w -> RtnlEncoder.setUp(w, socket.nextSeq(), index, true));
                }
            }
        } catch (NetlinkException e) {
            throw e.during("add link " + spec.name() + " (" + spec.kind() + ") " + where);
        }
    }

    /**
     * Creates many devices in batches of up to 200 requests per datagram. Fails after the whole list was
     * attempted, naming the devices that could not be created. Settings that need look-ups (master, address
     * generation mode, veth peer namespace, vxlan underlay device) fall back to one {@link #linkAdd} per
     * device, stopping at the first failure.
     */
    public void linkAddAll(List<? extends LinkSpec> specs, LinkOptions options) {
        if (options.master().isPresent() || options.addrGenMode().isPresent()
                || specs.stream().anyMatch(s -> s instanceof LinkSpec.Veth v && v.peerNamespace().isPresent()
                || s instanceof LinkSpec.Vxlan x && x.device().isPresent())) {
            specs.forEach(spec -> linkAdd(spec, options));
            return;
        }
        List<String> failures = new ArrayList<>();
        NetlinkException first = null;
        for (int from = 0; from < specs.size(); from += BATCH_LIMIT) {
            int count = Math.min(BATCH_LIMIT, specs.size() - from);
            NetlinkException[] results;
            synchronized (lock) {
                NlWriter w = writer();
                int firstSeq = socket.nextSeq();
                for (int i = 0; i < count; i++) {
                    RtnlEncoder.newLink(w, i == 0 ? firstSeq : socket.nextSeq(), specs.get(from + i), options, 0, -1, 0);
                }
                results = socket.batch(firstSeq, count);
            }
            for (int i = 0; i < count; i++) {
                if (results[i] != null) {
                    failures.add(specs.get(from + i).name() + " (" + results[i].getMessage() + ")");
                    first = first == null ? results[i] : first;
                }
            }
        }
        if (first != null) {
            throw first.during("add " + failures.size() + " of " + specs.size() + " links " + where + ", failed: "
                    + String.join(", ", failures.subList(0, Math.min(10, failures.size())))
                    + (failures.size() > 10 ? ", ..." : ""));
        }
    }

    public void linkDelete(String name) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.delLink(w, socket.nextSeq(), index));
        } catch (NetlinkException e) {
            throw e.during("delete link " + name + " " + where);
        }
    }

    /** Deletes every device in {@code group} with one request (one kernel unregister batch: fast teardown). */
    public void linkDeleteGroup(int group) {
        try {
            ack(w -> RtnlEncoder.delGroup(w, socket.nextSeq(), group));
        } catch (NetlinkException e) {
            throw e.during("delete link group " + group + " " + where);
        }
    }

    /**
     * Deletes the named devices over {@code parallelism} sockets on as many threads; each delete waits for an
     * RCU grace period after the kernel releases RTNL, so parallel requests overlap those waits. Devices that
     * are already gone (e.g. the other end of a deleted veth) are skipped.
     */
    public void linkDeleteAll(Collection<String> names, int parallelism) {
        String operation = "delete " + names.size() + " links " + where;
        Map<String, Integer> indexes = new HashMap<>();
        for (Link link : links()) {
            indexes.put(link.name(), link.index());
        }
        List<String> targets = names.stream().filter(indexes::containsKey).toList();
        int workers = Math.max(1, Math.min(parallelism, targets.size()));
        List<NlSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                sockets.add(executor.call(operation, () -> NlSocket.open(timeoutMillis)));
            }
            List<Thread> threads = new ArrayList<>();
            List<NetlinkException> failures = Collections.synchronizedList(new ArrayList<>());
            for (int worker = 0; worker < workers; worker++) {
                NlSocket own = sockets.get(worker);
                List<String> share = new ArrayList<>();
                for (int i = worker; i < targets.size(); i += workers) {
                    share.add(targets.get(i));
                }
                Thread thread = new Thread(() -> deleteEach(own, share, indexes, failures), "netlink-delete-" + worker);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                NetlinkException first = failures.get(0);
                throw first.during(operation + " (" + failures.size() + " failed, first: " + first.operation() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException(Errno.EINTR, "interrupted", operation);
        } finally {
            sockets.forEach(NlSocket::close);
        }
    }

    private static void deleteEach(NlSocket own, List<String> names, Map<String, Integer> indexes,
                                   List<NetlinkException> failures) {
        for (String name : names) {
            try {
                RtnlEncoder.delLink(own.writer(), own.nextSeq(), indexes.get(name));
                own.ack();
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENODEV) {
                    failures.add(e.during("delete link " + name));
                }
            }
        }
    }

    public void linkSetUp(String name) {
        setUp(name, true);
    }

    public void linkSetDown(String name) {
        setUp(name, false);
    }

    public void linkSetMtu(String name, int mtu) {
        setU32(name, Ifla.MTU, mtu, "set mtu " + mtu + " on ");
    }

    public void linkSetGroup(String name, int group) {
        setU32(name, Ifla.GROUP, group, "set group " + group + " on ");
    }

    public void linkSetMac(String name, MacAddress mac) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setMac(w, socket.nextSeq(), index, mac.bits()));
        } catch (NetlinkException e) {
            throw e.during("set address " + mac + " on " + name + " " + where);
        }
    }

    public void linkSetMaster(String name, String master) {
        try {
            int masterIndex = lookUp(master);
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setU32(w, socket.nextSeq(), index, Ifla.MASTER, masterIndex));
        } catch (NetlinkException e) {
            throw e.during("set master " + master + " on " + name + " " + where);
        }
    }

    public void linkSetNoMaster(String name) {
        setU32(name, Ifla.MASTER, 0, "remove master of ");
    }

    /** Moves the device into the named namespace (it disappears from this one). */
    public void linkSetNamespace(String name, String namespace) {
        String operation = "move link " + name + " " + where + " to namespace " + namespace;
        try {
            int index = lookUp(name);
            int fd = Namespaces.openFd(NamedNamespaces.path(namespace).toString(), "open namespace " + namespace);
            try {
                ack(w -> RtnlEncoder.setU32(w, socket.nextSeq(), index, Ifla.NET_NS_FD, fd));
            } finally {
                Native.libc().close(fd);
            }
        } catch (NetlinkException e) {
            throw e.during(operation);
        }
    }

    /**
     * Moves the device into the namespace of {@code target}, which need not be named (the namespace
     * the runtime was started in usually is not).
     */
    public void linkSetNamespace(String name, NetlinkHandle target) {
        try {
            int index = index(name);
            ack(w -> RtnlEncoder.setU32(w, socket.nextSeq(), index, Ifla.NET_NS_FD, target.nsFd));
        } catch (NetlinkException e) {
            throw e.during("move link " + name + " " + where + " to the namespace " + target.where().substring(3));
        }
    }

    public void linkSetAddrGenMode(String name, AddrGenMode mode) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setAddrGenMode(w, socket.nextSeq(), index, mode.code()));
        } catch (NetlinkException e) {
            throw e.during("set addrgenmode " + mode.name().toLowerCase(java.util.Locale.ROOT) + " on " + name + " " + where);
        }
    }

    /** Sets bridge-port flags of a device enslaved to a bridge. */
    public void linkSetBridgePort(String name, Link.BridgePort flags) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setBridgePort(w, socket.nextSeq(), index, flags.neighSuppress(), flags.learning()));
        } catch (NetlinkException e) {
            throw e.during("set bridge port learning " + flags.learning() + " neigh_suppress " + flags.neighSuppress()
                    + " on " + name + " " + where);
        }
    }

    public Optional<Link> link(String name) {
        try {
            Link[] found = new Link[1];
            synchronized (lock) {
                RtnlEncoder.getLink(writer(), socket.nextSeq(), name);
                socket.get((b, at, type) -> found[0] = linkDecoder.link(b, at), Errno.ENODEV);
            }
            return Optional.ofNullable(found[0]);
        } catch (NetlinkException e) {
            throw e.during("get link " + name + " " + where);
        }
    }

    public Optional<Link> link(int index) {
        try {
            Link[] found = new Link[1];
            synchronized (lock) {
                RtnlEncoder.getLink(writer(), socket.nextSeq(), index);
                socket.get((b, at, type) -> found[0] = linkDecoder.link(b, at), Errno.ENODEV);
            }
            return Optional.ofNullable(found[0]);
        } catch (NetlinkException e) {
            throw e.during("get link #" + index + " " + where);
        }
    }

    /** The ifindex of the named device; fails with ENODEV when there is none. */
    public int index(String name) {
        try {
            return lookUp(name);
        } catch (NetlinkException e) {
            throw e.during("look up link " + name + " " + where);
        }
    }

    private int lookUp(String name) {
        int[] found = {0};
        synchronized (lock) {
            RtnlEncoder.getLink(writer(), socket.nextSeq(), name);
            socket.get((b, at, type) -> found[0] = LinkDecoder.index(b, at), Errno.ENODEV);
        }
        if (found[0] == 0) {
            throw new NetlinkException(Errno.ENODEV, "no device named " + name, "");
        }
        return found[0];
    }

    /** All devices of the namespace. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        try {
            synchronized (lock) {
                RtnlEncoder.dumpLinks(writer(), 0);
                socket.dump((b, at, type) -> {
                    if (type == Rtm.NEWLINK) {
                        links.add(linkDecoder.link(b, at));
                    }
                }, links::clear);
            }
        } catch (NetlinkException e) {
            throw e.during("list links " + where);
        }
        return links;
    }

    // ---------------------------------------------------------------- addresses

    public void addrAdd(String device, IpPrefix address) {
        addr(true, device, address);
    }

    public void addrDelete(String device, IpPrefix address) {
        addr(false, device, address);
    }

    /** All IPv4 and IPv6 addresses of the namespace. */
    public List<Addr> addrs() {
        List<Addr> addrs = new ArrayList<>();
        try {
            synchronized (lock) {
                RtnlEncoder.dumpAddrs(writer(), 0);
                socket.dump((b, at, type) -> {
                    if (type == Rtm.NEWADDR) {
                        addrs.add(RtnlDecoder.addr(b, at));
                    }
                }, addrs::clear);
            }
        } catch (NetlinkException e) {
            throw e.during("list addresses " + where);
        }
        return addrs;
    }

    private void addr(boolean add, String device, IpPrefix address) {
        try {
            int index = lookUp(device);
            ack(w -> RtnlEncoder.addr(w, socket.nextSeq(), add, index, address));
        } catch (NetlinkException e) {
            throw e.during((add ? "add address " + address + " to " : "delete address " + address + " from ")
                    + device + " " + where);
        }
    }

    // ---------------------------------------------------------------- routes

    public void routeAdd(RouteSpec route) {
        route(true, route);
    }

    public void routeDelete(RouteSpec route) {
        route(false, route);
    }

    /** All routes of all tables and families. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        try {
            synchronized (lock) {
                RtnlEncoder.dumpRoutes(writer(), 0);
                socket.dump((b, at, type) -> {
                    if (type == Rtm.NEWROUTE) {
                        routes.add(RtnlDecoder.route(b, at));
                    }
                }, routes::clear);
            }
        } catch (NetlinkException e) {
            throw e.during("list routes " + where);
        }
        return routes;
    }

    private void route(boolean add, RouteSpec route) {
        try {
            int oif = route.device().map(this::lookUp).orElse(0);
            ack(w -> RtnlEncoder.route(w, socket.nextSeq(), add, route.type(), route.destination(),
                    route.gateway().orElse(null), oif, route.table(), route.protocol(), route.metric()));
        } catch (NetlinkException e) {
            throw e.during((add ? "add route " : "delete route ") + route + " " + where);
        }
    }

    // ---------------------------------------------------------------- sysctl

    /**
     * Reads a sysctl of this namespace. {@code key} is dotted ({@code net.ipv4.ip_forward}) or a path under
     * /proc/sys ({@code net/ipv4/conf/eth0.100/forwarding}, for names containing dots).
     */
    public String sysctl(String key) {
        Path path = sysctlPath(key);
        String operation = "read sysctl " + key + " " + where;
        return executor.call(operation, () -> {
            try {
                return Files.readString(path, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw sysctlFailure(e, operation);
            }
        });
    }

    public void setSysctl(String key, String value) {
        Path path = sysctlPath(key);
        String operation = "set sysctl " + key + "=" + value + " " + where;
        executor.call(operation, () -> {
            try {
                Files.writeString(path, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
                return null;
            } catch (IOException e) {
                throw sysctlFailure(e, operation);
            }
        });
    }

    private static Path sysctlPath(String key) {
        String relative = key.contains("/") ? key : key.replace('.', '/');
        if (relative.startsWith("/") || relative.contains("..") || relative.isEmpty()) {
            throw new IllegalArgumentException("invalid sysctl key '" + key + "'");
        }
        return Path.of("/proc/sys").resolve(relative);
    }

    private static NetlinkException sysctlFailure(IOException e, String operation) {
        if (e instanceof NoSuchFileException) {
            return new NetlinkException(Errno.ENOENT, "no such sysctl", operation);
        }
        if (e instanceof AccessDeniedException) {
            return new NetlinkException(Errno.EPERM, "permission denied (missing capability CAP_NET_ADMIN or root)", operation);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new NetlinkException(Errno.EINVAL, message, operation);
    }

    // ---------------------------------------------------------------- events

    /**
     * Subscribes to link and address changes. Notifications are read on a dedicated thread into an 8 MiB
     * buffer; {@link EventListener#onResync} delivers the full state first and again after any overflow.
     */
    public Subscription subscribe(EventListener listener) {
        return subscribe(listener, EVENT_BUFFER_BYTES);
    }

    /** Like {@link #subscribe(EventListener)} with an explicit socket receive buffer size. */
    public Subscription subscribe(EventListener listener, int receiveBufferBytes) {
        String operation = "subscribe to link and address events " + where;
        NlSocket events = executor.call(operation, () -> {
            NlSocket s = NlSocket.open(EVENT_POLL_MILLIS);
            try {
                s.setReceiveBuffer(receiveBufferBytes);
                s.joinGroup(Rtm.RTNLGRP_LINK);
                s.joinGroup(Rtm.RTNLGRP_IPV4_IFADDR);
                s.joinGroup(Rtm.RTNLGRP_IPV6_IFADDR);
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        });
        Subscription subscription = new Subscription(this, events, listener, where, timeoutMillis);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    void unregister(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List.copyOf(subscriptions).forEach(Subscription::close);
        executor.close();
        synchronized (lock) {
            socket.close();
        }
        Native.libc().close(nsFd);
    }

    private void setUp(String name, boolean up) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setUp(w, socket.nextSeq(), index, up));
        } catch (NetlinkException e) {
            throw e.during("set link " + name + (up ? " up " : " down ") + where);
        }
    }

    private void setU32(String name, int attribute, int value, String what) {
        try {
            int index = lookUp(name);
            ack(w -> RtnlEncoder.setU32(w, socket.nextSeq(), index, attribute, value));
        } catch (NetlinkException e) {
            throw e.during(what + name + " " + where);
        }
    }

    /** Writes one request under the socket lock and waits for its ack. */
    private void ack(java.util.function.Consumer<NlWriter> encoder) {
        synchronized (lock) {
            encoder.accept(writer());
            socket.ack();
        }
    }

    /** The socket's writer; caller holds {@link #lock}. */
    private NlWriter writer() {
        if (closed) {
            throw new NetlinkException(Errno.EBADF, "netlink handle is closed", "");
        }
        return socket.writer();
    }
}
