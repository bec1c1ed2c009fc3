package org.openpe.core.engine.kernel;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.model.Cidr;
import org.openpe.core.engine.kernel.KernelChange.AddAddress;
import org.openpe.core.engine.kernel.KernelChange.AddRoute;
import org.openpe.core.engine.kernel.KernelChange.AdoptLink;
import org.openpe.core.engine.kernel.KernelChange.CreateLink;
import org.openpe.core.engine.kernel.KernelChange.DeleteAddress;
import org.openpe.core.engine.kernel.KernelChange.DeleteLink;
import org.openpe.core.engine.kernel.KernelChange.DeleteRoute;
import org.openpe.core.engine.kernel.KernelChange.DisableIpv6AddrGen;
import org.openpe.core.engine.kernel.KernelChange.MoveLink;
import org.openpe.core.engine.kernel.KernelChange.ReAddAddress;
import org.openpe.core.engine.kernel.KernelChange.RestoreHostRoutes;
import org.openpe.core.engine.kernel.KernelChange.SetMac;
import org.openpe.core.engine.kernel.KernelChange.SetMtu;
import org.openpe.core.engine.kernel.KernelChange.SetMaster;
import org.openpe.core.engine.kernel.KernelChange.SetNeighSuppress;
import org.openpe.core.engine.kernel.KernelChange.SetSysctl;
import org.openpe.core.engine.kernel.KernelChange.SetUp;
import org.openpe.netlink.Addr;
import org.openpe.netlink.AddrGenMode;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.MacAddress;
import org.openpe.netlink.NamespaceHold;
import org.openpe.netlink.NetNamespaces;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkException;
import org.openpe.netlink.NetlinkHandle;
import org.openpe.netlink.RouteSpec;
import org.openpe.netlink.RouteType;

/**
 * The host and router namespaces as seen and changed through netlink. The host namespace is the
 * one the runtime runs in (or a named one, for tests); the router namespace is created if missing.
 */
public final class NetlinkKernel implements Kernel, AutoCloseable {

    private static final int ENODEV = 19;
    private static final int ESRCH = 3;
    private static final int EADDRNOTAVAIL = 99;
    private static final int EEXIST = 17;
    private static final int LOCAL_TABLE = 255;
    private static final int RTPROT_KERNEL = 2;
    private static final int RTPROT_RA = 9;
    /** Bridge-port flags of a VXLAN port: ARP/ND suppression on, MAC learning left to EVPN. */
    private static final org.openpe.netlink.Link.BridgePort NEIGH_SUPPRESS = new org.openpe.netlink.Link.BridgePort(false, true);

    private final String routerNamespace;
    private final NamespaceHold routerHold;
    private final NetlinkHandle host;
    private final NetlinkHandle router;

    private NetlinkKernel(String routerNamespace, NamespaceHold routerHold, NetlinkHandle host, NetlinkHandle router) {
        this.routerNamespace = routerNamespace;
        this.routerHold = routerHold;
        this.host = host;
        this.router = router;
    }

    /**
     * @param hostNamespace a named namespace playing the host, or empty for the runtime's own
     */
    public static NetlinkKernel open(Optional<String> hostNamespace, String routerNamespace) {
        if (!NetNamespaces.exists(routerNamespace)) {
            NetNamespaces.create(routerNamespace);
        }
        NamespaceHold hold = NetNamespaces.hold(routerNamespace);
        NetlinkHandle host;
        NetlinkHandle router;
        try {
            host = hostNamespace.map(Netlink::open).orElseGet(Netlink::openCurrent);
            try {
                router = Netlink.open(routerNamespace);
                router.linkSetUp("lo");
            } catch (RuntimeException e) {
                host.close();
                throw e;
            }
        } catch (RuntimeException e) {
            hold.close();
            throw e;
        }
        return new NetlinkKernel(routerNamespace, hold, host, router);
    }

    /**
     * Gives the router namespace its name back when it was deleted by hand ({@code ip netns
     * delete}) while in use: the namespace, with the NIC, the devices and FRR in it, lives on
     * (held by OpenPE and FRR), only its name was gone.
     *
     * @return the change made, if any
     */
    @Override
    public Optional<String> keepRouterNamespaceNamed() {
        if (routerHold.isNamed()) {
            return Optional.empty();
        }
        routerHold.restoreName();
        return Optional.of("give the router namespace " + routerNamespace + " its name back (it was deleted by hand"
                + " while in use)");
    }

    @Override
    public String routerNamespace() {
        return routerNamespace;
    }

    @Override
    public KernelView read(Netns netns, Collection<String> sysctlNames) {
        NetlinkHandle handle = handle(netns);
        List<org.openpe.netlink.Link> raw = handle.links();
        Map<Integer, String> names = new HashMap<>();
        raw.forEach(l -> names.put(l.index(), l.name()));
        List<ObservedLink> links = raw.stream()
                .map(l -> new ObservedLink(toLink(netns, l, names), l.index(), l.group()))
                .toList();
        List<Address> addresses = new ArrayList<>();
        for (Addr addr : handle.addrs()) {
            String device = names.get(addr.linkIndex());
            if (device != null && !addr.prefix().address().isLinkLocalAddress()) {
                addresses.add(new Address(netns, device, addr.prefix().toString()));
            }
        }
        List<ObservedRoute> routes = handle.routes().stream()
                .filter(r -> r.type() == RouteType.UNREACHABLE)
                .map(r -> new ObservedRoute(netns, r.table(), r.destination().toString(), r.protocol()))
                .toList();
        return new KernelView(netns, links, addresses, routes, sysctls(netns, sysctlNames));
    }

    @Override
    public OptionalInt mtu(String device) {
        for (NetlinkHandle handle : List.of(router, host)) {
            Optional<org.openpe.netlink.Link> link = handle.link(device);
            if (link.isPresent()) {
                return OptionalInt.of(link.get().mtu());
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public Map<String, String> sysctls(Netns netns, Collection<String> names) {
        NetlinkHandle handle = handle(netns);
        Map<String, String> sysctls = new HashMap<>();
        names.forEach(name -> sysctls.put(name, handle.sysctl(name).trim()));
        return sysctls;
    }

    @Override
    public void apply(KernelChange change) {
        NetlinkHandle handle = handle(change.netns());
        if (change instanceof CreateLink c) {
            create(c.link());
        } else if (change instanceof DeleteLink d) {
            ignoring(() -> handle.linkDelete(d.name()), ENODEV);
        } else if (change instanceof AdoptLink a) {
            handle.linkSetGroup(a.name(), Ownership.LINK_GROUP);
        } else if (change instanceof SetMaster m) {
            m.master().ifPresentOrElse(master -> handle.linkSetMaster(m.name(), master),
                    () -> handle.linkSetNoMaster(m.name()));
        } else if (change instanceof SetUp u && u.up()) {
            handle.linkSetUp(u.name());
        } else if (change instanceof SetUp u) {
            handle.linkSetDown(u.name());
        } else if (change instanceof SetMtu m) {
            handle.linkSetMtu(m.name(), m.mtu());
        } else if (change instanceof SetMac m) {
            handle.linkSetMac(m.name(), MacAddress.parse(m.mac()));
        } else if (change instanceof DisableIpv6AddrGen d) {
            handle.linkSetAddrGenMode(d.name(), AddrGenMode.NONE);
        } else if (change instanceof SetNeighSuppress n) {
            handle.linkSetBridgePort(n.name(), NEIGH_SUPPRESS);
        } else if (change instanceof AddAddress a) {
            handle.addrAdd(a.address().device(), IpPrefix.parse(a.address().cidr()));
        } else if (change instanceof DeleteAddress d) {
            ignoring(() -> handle.addrDelete(d.address().device(), IpPrefix.parse(d.address().cidr())), EADDRNOTAVAIL);
        } else if (change instanceof AddRoute r) {
            handle.routeAdd(unreachable(r.destination(), r.table()));
        } else if (change instanceof DeleteRoute r) {
            ignoring(() -> handle.routeDelete(unreachable(r.destination(), r.table())), ESRCH);
        } else if (change instanceof SetSysctl s) {
            handle.setSysctl(s.sysctl().name(), s.sysctl().value());
        } else if (change instanceof ReAddAddress r) {
            IpPrefix prefix = IpPrefix.parse(r.address().cidr());
            ignoring(() -> handle.addrDelete(r.address().device(), prefix), EADDRNOTAVAIL);
            handle.addrAdd(r.address().device(), prefix);
        } else if (change instanceof MoveLink m) {
            if (m.from() != m.to()) {
                handle(m.from()).linkSetNamespace(m.name(), handle(m.to()));
            }
            restore(m.to(), m.name(), m.addresses());
        } else if (change instanceof RestoreHostRoutes r) {
            List<String> refused = restoreHostRoutes(r.nic(), r.routes());
            if (!refused.isEmpty()) {
                throw new IllegalStateException("route(s) not restored: " + String.join("; ", refused));
            }
        } else {
            throw new IllegalArgumentException("no way to apply " + change);
        }
    }

    @Override
    public Optional<Netns> locate(String device) {
        for (Netns netns : List.of(Netns.ROUTER, Netns.HOST)) {
            if (handle(netns).link(device).isPresent()) {
                return Optional.of(netns);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> addresses(Netns netns, String device) {
        NetlinkHandle handle = handle(netns);
        int index = handle.index(device);
        return handle.addrs().stream()
                .filter(a -> a.linkIndex() == index && !a.prefix().address().isLinkLocalAddress())
                .map(a -> a.prefix().toString())
                .toList();
    }

    @Override
    public List<NicRoute> hostRoutes(String device) {
        int index = host.index(device);
        return host.routes().stream()
                .filter(r -> r.outputIndex() == index && r.type() == RouteType.UNICAST && r.table() != LOCAL_TABLE
                        && r.protocol() != RTPROT_KERNEL && r.protocol() != RTPROT_RA)
                .map(r -> new NicRoute(r.destination().toString(), r.gateway().map(InetAddress::getHostAddress),
                        r.table(), r.protocol(), r.priority()))
                .toList();
    }

    /** Adds those of the addresses the device lacks, and brings it up. */
    private void restore(Netns netns, String device, List<String> addresses) {
        NetlinkHandle handle = handle(netns);
        for (String address : addresses) {
            ignoring(() -> handle.addrAdd(device, IpPrefix.parse(address)), EEXIST);
        }
        handle.linkSetUp(device);
    }

    /** Adds those of the routes the host namespace lacks; returns those the kernel refused, each with why. */
    private List<String> restoreHostRoutes(String device, List<NicRoute> routes) {
        List<String> refused = new ArrayList<>();
        for (NicRoute route : routes) {
            RouteSpec spec = RouteSpec.to(IpPrefix.parse(route.destination())).dev(device).inTable(route.table())
                    .withProtocol(route.protocol()).withMetric(route.metric());
            if (route.gateway().isPresent()) {
                spec = spec.via(Cidr.parseAddress(route.gateway().get()));
            }
            RouteSpec add = spec;
            try {
                ignoring(() -> host.routeAdd(add), EEXIST);
            } catch (NetlinkException e) {
                refused.add(route + ": " + e.getMessage());
            }
        }
        return refused;
    }

    private void create(Link link) {
        LinkOptions options = LinkOptions.none().withGroup(Ownership.LINK_GROUP).withUp(link.up());
        if (link.master().isPresent()) {
            options = options.withMaster(link.master().get());
        }
        if (link.mac().isPresent()) {
            options = options.withMac(MacAddress.parse(link.mac().get()));
        }
        if (link.mtu().isPresent()) {
            options = options.withMtu(link.mtu().get());
        }
        if (link.ipv6AddrGenNone()) {
            options = options.withAddrGenMode(AddrGenMode.NONE);
        }
        NetlinkHandle handle = handle(link.netns());
        LinkKind kind = link.kind();
        if (kind instanceof LinkKind.Veth veth) {
            createVeth(link, veth, options);
        } else if (kind instanceof LinkKind.Bridge) {
            handle.linkAdd(new LinkSpec.Bridge(link.name()), options);
        } else if (kind instanceof LinkKind.Dummy) {
            handle.linkAdd(new LinkSpec.Dummy(link.name()), options);
        } else if (kind instanceof LinkKind.Vrf vrf) {
            handle.linkAdd(new LinkSpec.Vrf(link.name(), vrf.table()), options);
        } else if (kind instanceof LinkKind.Vxlan vx) {
            handle.linkAdd(new LinkSpec.Vxlan(link.name(), (int) vx.vni(), Optional.ofNullable(vx.local()), vx.port(),
                    false, Optional.ofNullable(vx.device())), options);
        } else {
            throw new IllegalArgumentException("OpenPE never creates " + link.name() + ", it only configures it");
        }
        if (link.neighSuppress()) {
            handle.linkSetBridgePort(link.name(), NEIGH_SUPPRESS);
        }
    }

    /**
     * A veth pair is created from the host side, because only the router namespace is sure to have
     * a name the kernel can be given for the peer; both legs are then tagged as OpenPE's.
     */
    private void createVeth(Link link, LinkKind.Veth veth, LinkOptions options) {
        boolean hostSide = link.netns() == Netns.HOST;
        String hostLeg = hostSide ? link.name() : veth.peer();
        String routerLeg = hostSide ? veth.peer() : link.name();
        host.linkAdd(new LinkSpec.Veth(hostLeg, routerLeg, Optional.of(routerNamespace)),
                LinkOptions.none().withGroup(Ownership.LINK_GROUP));
        router.linkSetGroup(routerLeg, Ownership.LINK_GROUP);
        NetlinkHandle own = handle(link.netns());
        options.master().ifPresent(master -> own.linkSetMaster(link.name(), master));
        options.mac().ifPresent(mac -> own.linkSetMac(link.name(), mac));
        options.mtu().ifPresent(mtu -> own.linkSetMtu(link.name(), mtu));
        options.addrGenMode().ifPresent(mode -> own.linkSetAddrGenMode(link.name(), mode));
        if (link.up()) {
            own.linkSetUp(link.name());
        }
    }

    private static Link toLink(Netns netns, org.openpe.netlink.Link l, Map<Integer, String> names) {
        return new Link(netns, l.name(), kindOf(l, names),
                Optional.ofNullable(l.masterIndex() == 0 ? null : names.get(l.masterIndex())),
                l.mac().map(MacAddress::toString),
                l.isUp(),
                l.addrGenMode().map(m -> m == AddrGenMode.NONE).orElse(false),
                l.bridgePort().map(org.openpe.netlink.Link.BridgePort::neighSuppress).orElse(false),
                Optional.of(l.mtu()));
    }

    private static LinkKind kindOf(org.openpe.netlink.Link l, Map<Integer, String> names) {
        return switch (l.kind() == null ? "" : l.kind()) {
            case "veth" -> new LinkKind.Veth(null, null);
            case "bridge" -> new LinkKind.Bridge();
            case "dummy" -> new LinkKind.Dummy();
            case "vrf" -> new LinkKind.Vrf(l.vrfTable().orElse(0));
            case "vxlan" -> l.vxlan().<LinkKind>map(v -> new LinkKind.Vxlan(v.vni(), v.local().orElse(null), v.port(),
                    names.get(v.deviceIndex()))).orElse(new LinkKind.Existing());
            default -> new LinkKind.Existing();
        };
    }

    private static RouteSpec unreachable(String destination, int table) {
        return RouteSpec.unreachable(IpPrefix.parse(destination)).inTable(table).withProtocol(Ownership.ROUTE_PROTOCOL);
    }

    private NetlinkHandle handle(Netns netns) {
        return netns == Netns.HOST ? host : router;
    }

    private static void ignoring(Runnable action, int errno) {
        try {
            action.run();
        } catch (NetlinkException e) {
            if (e.errno() != errno) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        host.close();
        router.close();
        routerHold.close();
    }

}
