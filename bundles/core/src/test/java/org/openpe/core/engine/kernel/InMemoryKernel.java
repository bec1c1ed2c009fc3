package org.openpe.core.engine.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
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
import org.openpe.core.engine.kernel.KernelChange.SetMaster;
import org.openpe.core.engine.kernel.KernelChange.SetMtu;
import org.openpe.core.engine.kernel.KernelChange.SetNeighSuppress;
import org.openpe.core.engine.kernel.KernelChange.SetSysctl;
import org.openpe.core.engine.kernel.KernelChange.SetUp;

/**
 * The host and router namespaces in memory, changed only through {@link #apply}, as netlink would
 * change them: a veth brings its peer, a deleted device takes its addresses (and its veth peer)
 * along, a NIC's move drops its addresses and the host's routes through it, and a change to a
 * device that is not there fails. For unit tests of whole passes without a kernel.
 *
 * <p>Each step is shown to {@link #beforeEach} first, which may throw: a {@link Crash} stands for
 * the runtime dying there, a {@code RuntimeException} for the kernel refusing. {@link #refusing}
 * makes the matching changes fail.
 */
public final class InMemoryKernel implements Kernel {

    private final Map<Netns, Map<String, ObservedLink>> links = new EnumMap<>(Netns.class);
    private final Map<Netns, List<Address>> addresses = new EnumMap<>(Netns.class);
    private final Map<Netns, List<ObservedRoute>> routes = new EnumMap<>(Netns.class);
    private final Map<Netns, Map<String, String>> sysctls = new EnumMap<>(Netns.class);
    private final Map<String, List<NicRoute>> hostRoutes = new HashMap<>();
    private final Map<Predicate<KernelChange>, String> refusals = new LinkedHashMap<>();
    private final Map<Netns, Integer> reads = new EnumMap<>(Netns.class);
    /** Every step taken, in order: a change's description, or a NIC move's "move/restore" step. */
    public final List<String> steps = new ArrayList<>();
    public Consumer<String> beforeEach = step -> {};
    private int nextIndex = 1;

    public InMemoryKernel() {
        for (Netns ns : Netns.values()) {
            links.put(ns, new LinkedHashMap<>());
            addresses.put(ns, new ArrayList<>());
            routes.put(ns, new ArrayList<>());
            sysctls.put(ns, new HashMap<>());
        }
    }

    /** A NIC of the host (not OpenPE's), up, with these addresses and host routes through it. */
    public InMemoryKernel withHostNic(String nic, List<String> cidrs, List<NicRoute> nicRoutes) {
        links.get(Netns.HOST).put(nic, new ObservedLink(Link.of(Netns.HOST, nic, new LinkKind.Existing()), nextIndex++, 0));
        cidrs.forEach(cidr -> addresses.get(Netns.HOST).add(new Address(Netns.HOST, nic, cidr)));
        hostRoutes.put(nic, new ArrayList<>(nicRoutes));
        return this;
    }

    /** Makes every change {@code which} accepts fail with {@code why}, as the kernel refusing it. */
    public InMemoryKernel refusing(Predicate<KernelChange> which, String why) {
        refusals.put(which, why);
        return this;
    }

    /** How often {@link #read} read the namespace. */
    public int reads(Netns netns) {
        return reads.getOrDefault(netns, 0);
    }

    public Optional<Link> link(Netns netns, String name) {
        return Optional.ofNullable(links.get(netns).get(name)).map(ObservedLink::link);
    }

    @Override
    public String routerNamespace() {
        return "perouter";
    }

    @Override
    public Optional<String> keepRouterNamespaceNamed() {
        return Optional.empty();
    }

    @Override
    public KernelView read(Netns netns, Collection<String> sysctlNames) {
        reads.merge(netns, 1, Integer::sum);
        return new KernelView(netns, List.copyOf(links.get(netns).values()), addresses.get(netns), routes.get(netns),
                sysctls(netns, sysctlNames));
    }

    @Override
    public Map<String, String> sysctls(Netns netns, Collection<String> names) {
        Map<String, String> values = new HashMap<>();
        names.forEach(name -> values.put(name, sysctls.get(netns).getOrDefault(name, "0")));
        return values;
    }

    @Override
    public OptionalInt mtu(String device) {
        for (Netns netns : List.of(Netns.ROUTER, Netns.HOST)) {
            Optional<Link> link = link(netns, device);
            if (link.isPresent()) {
                return OptionalInt.of(link.get().mtu().orElse(1500));
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public Optional<Netns> locate(String device) {
        return List.of(Netns.ROUTER, Netns.HOST).stream().filter(ns -> links.get(ns).containsKey(device)).findFirst();
    }

    @Override
    public List<String> addresses(Netns netns, String device) {
        return addresses.get(netns).stream().filter(a -> a.device().equals(device)).map(Address::cidr).toList();
    }

    @Override
    public List<NicRoute> hostRoutes(String device) {
        return List.copyOf(hostRoutes.getOrDefault(device, List.of()));
    }

    @Override
    public void apply(KernelChange change) {
        refusals.forEach((which, why) -> {
            if (which.test(change)) {
                throw new IllegalStateException(why);
            }
        });
        if (change instanceof MoveLink m) {
            move(m);
            return;
        }
        if (change instanceof RestoreHostRoutes r) {
            step("restore routes of " + r.nic());
            List<NicRoute> present = hostRoutes.computeIfAbsent(r.nic(), d -> new ArrayList<>());
            r.routes().stream().filter(route -> !present.contains(route)).forEach(present::add);
            return;
        }
        step(change.describe());
        Netns ns = change.netns();
        if (change instanceof CreateLink c) {
            create(c.link());
        } else if (change instanceof DeleteLink d) {
            delete(ns, d.name());
        } else if (change instanceof AdoptLink a) {
            ObservedLink observed = existing(ns, a.name());
            links.get(ns).put(a.name(), new ObservedLink(observed.link(), observed.index(), Ownership.LINK_GROUP));
        } else if (change instanceof SetMaster m) {
            Link l = existing(ns, m.name()).link();
            replace(new Link(ns, l.name(), l.kind(), m.master(), l.mac(), l.up(), l.ipv6AddrGenNone(), l.neighSuppress(),
                    l.mtu()));
        } else if (change instanceof SetUp u) {
            Link l = existing(ns, u.name()).link();
            replace(new Link(ns, l.name(), l.kind(), l.master(), l.mac(), u.up(), l.ipv6AddrGenNone(), l.neighSuppress(),
                    l.mtu()));
        } else if (change instanceof SetMtu m) {
            replace(existing(ns, m.name()).link().withMtu(OptionalInt.of(m.mtu())));
        } else if (change instanceof SetMac m) {
            replace(existing(ns, m.name()).link().withMac(m.mac()));
        } else if (change instanceof DisableIpv6AddrGen d) {
            replace(existing(ns, d.name()).link().withIpv6AddrGenNone());
        } else if (change instanceof SetNeighSuppress n) {
            replace(existing(ns, n.name()).link().withNeighSuppress());
        } else if (change instanceof AddAddress a) {
            add(a.address());
        } else if (change instanceof DeleteAddress d) {
            remove(d.address());
        } else if (change instanceof ReAddAddress r) {
            remove(r.address());
            add(r.address());
        } else if (change instanceof AddRoute r) {
            routes.get(ns).add(new ObservedRoute(ns, r.table(), r.destination(), Ownership.ROUTE_PROTOCOL));
        } else if (change instanceof DeleteRoute r) {
            routes.get(ns).removeIf(o -> o.table() == r.table()
                    && Cidr.normalize(o.destination()).equals(Cidr.normalize(r.destination())));
        } else if (change instanceof SetSysctl s) {
            sysctls.get(ns).put(s.sysctl().name(), s.sysctl().value());
        } else {
            throw new IllegalArgumentException("no way to apply " + change);
        }
    }

    @Override
    public void close() {}

    private void move(MoveLink m) {
        if (m.from() != m.to()) {
            step("move " + m.name() + " to " + m.to());
            ObservedLink observed = existing(m.from(), m.name());
            links.get(m.from()).remove(m.name());
            addresses.get(m.from()).removeIf(a -> a.device().equals(m.name()));
            if (m.from() == Netns.HOST) {
                hostRoutes.remove(m.name());
            }
            Link l = observed.link();
            links.get(m.to()).put(m.name(), new ObservedLink(new Link(m.to(), l.name(), l.kind(), Optional.empty(), l.mac(),
                    false, l.ipv6AddrGenNone(), false, l.mtu()), observed.index(), observed.group()));
        }
        step("restore " + m.name() + " in " + m.to());
        for (String cidr : m.addresses()) {
            Address address = new Address(m.to(), m.name(), cidr);
            if (!has(address)) {
                add(address);
            }
        }
        Link l = existing(m.to(), m.name()).link();
        replace(new Link(m.to(), l.name(), l.kind(), l.master(), l.mac(), true, l.ipv6AddrGenNone(), l.neighSuppress(),
                l.mtu()));
    }

    private void create(Link link) {
        if (links.get(link.netns()).containsKey(link.name())) {
            throw new IllegalStateException("File exists: " + link.name() + " in " + link.netns());
        }
        links.get(link.netns()).put(link.name(), new ObservedLink(link, nextIndex++, Ownership.LINK_GROUP));
        if (link.kind() instanceof LinkKind.Veth veth) {
            Link peer = new Link(veth.peerNetns(), veth.peer(), new LinkKind.Veth(link.name(), link.netns()),
                    Optional.empty(), Optional.empty(), false, false, false, Optional.empty());
            links.get(peer.netns()).put(peer.name(), new ObservedLink(peer, nextIndex++, Ownership.LINK_GROUP));
        }
    }

    private void delete(Netns ns, String name) {
        ObservedLink gone = links.get(ns).remove(name);
        if (gone == null) {
            return; // deleting what is already gone is not an error
        }
        addresses.get(ns).removeIf(a -> a.device().equals(name));
        links.get(ns).values().stream().filter(o -> o.link().master().equals(Optional.of(name))).toList()
                .forEach(o -> replace(new Link(ns, o.name(), o.link().kind(), Optional.empty(), o.link().mac(),
                        o.link().up(), o.link().ipv6AddrGenNone(), o.link().neighSuppress(), o.link().mtu())));
        if (gone.link().kind() instanceof LinkKind.Veth veth && veth.peer() != null) {
            delete(veth.peerNetns(), veth.peer());
        }
    }

    private void add(Address address) {
        existing(address.netns(), address.device());
        if (has(address)) {
            throw new IllegalStateException("File exists: " + address.cidr() + " on " + address.device());
        }
        addresses.get(address.netns()).add(address);
    }

    private void remove(Address address) {
        Address normal = Cidr.normalize(address);
        addresses.get(address.netns()).removeIf(a -> Cidr.normalize(a).equals(normal));
    }

    private boolean has(Address address) {
        Address normal = Cidr.normalize(address);
        return addresses.get(address.netns()).stream().anyMatch(a -> Cidr.normalize(a).equals(normal));
    }

    private ObservedLink existing(Netns ns, String name) {
        ObservedLink observed = links.get(ns).get(name);
        if (observed == null) {
            throw new IllegalStateException("No such device: " + name + " in " + ns);
        }
        return observed;
    }

    private void replace(Link link) {
        ObservedLink observed = existing(link.netns(), link.name());
        links.get(link.netns()).put(link.name(), new ObservedLink(link, observed.index(), observed.group()));
    }

    private void step(String step) {
        beforeEach.accept(step);
        steps.add(step);
    }

    /** Thrown where the runtime "dies": an error, so that no loop that isolates failed changes catches it. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        public Crash(String at) {
            super("crash before " + at);
        }
    }
}
