package org.openpe.core.engine.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Route;
import org.openpe.api.kernel.Sysctl;
import org.openpe.core.engine.kernel.KernelChange.AddAddress;
import org.openpe.core.engine.kernel.KernelChange.AddRoute;
import org.openpe.core.engine.kernel.KernelChange.AdoptLink;
import org.openpe.core.engine.kernel.KernelChange.CreateLink;
import org.openpe.core.engine.kernel.KernelChange.DeleteAddress;
import org.openpe.core.engine.kernel.KernelChange.DeleteLink;
import org.openpe.core.engine.kernel.KernelChange.DeleteRoute;
import org.openpe.core.engine.kernel.KernelChange.DisableIpv6AddrGen;
import org.openpe.core.engine.kernel.KernelChange.SetMac;
import org.openpe.core.engine.kernel.KernelChange.SetMtu;
import org.openpe.core.engine.kernel.KernelChange.SetMaster;
import org.openpe.core.engine.kernel.KernelChange.SetNeighSuppress;
import org.openpe.core.engine.kernel.KernelChange.SetSysctl;
import org.openpe.core.engine.kernel.KernelChange.SetUp;

/**
 * Computes the minimal, safely ordered changes from what the kernel holds to what is declared.
 * Pure: it reads the views and the declarations and changes nothing.
 *
 * <p>Order: sysctls; removal of OpenPE devices that are no longer declared or must be recreated
 * (ports before bridges before VRFs); creation in dependency order (VRFs, then loopbacks and
 * bridges, then VXLANs and veths, each created with its master); attribute fixes of devices that
 * stay; addresses (after enslaving, which drops IPv6 addresses); routes.
 */
public final class KernelDiff {

    private final Map<Netns, KernelView> views;
    private final List<KernelChange> changes = new ArrayList<>();
    private final Map<String, String> conflicts = new LinkedHashMap<>();
    /** The declared devices by key. */
    private final Map<String, Link> declaredLinks = new LinkedHashMap<>();

    private KernelDiff(Map<Netns, KernelView> views) {
        this.views = views;
    }

    public static KernelPlan plan(Collection<KernelObject> desired, Map<Netns, KernelView> views) {
        return new KernelDiff(views).run(desired);
    }

    private KernelPlan run(Collection<KernelObject> desired) {
        List<Link> links = only(desired, Link.class);
        List<Address> addresses = only(desired, Address.class);
        List<Route> routes = only(desired, Route.class);
        links.forEach(l -> declaredLinks.putIfAbsent(l.key(), l));

        only(desired, Sysctl.class).forEach(this::sysctl);
        Set<String> recreate = linksToRecreate(links);
        removeUndeclaredLinks();
        Set<String> created = createMissingLinks(links, recreate);
        links.stream()
                .filter(l -> !created.contains(l.key()) && !conflicts.containsKey(l.key()))
                .filter(l -> view(l.netns()).link(l.name()).isPresent())
                .forEach(l -> fixAttributes(l, view(l.netns()).link(l.name()).get()));
        reconcileAddresses(addresses, created);
        reconcileRoutes(routes, links);
        return new KernelPlan(changes, conflicts);
    }

    private void sysctl(Sysctl sysctl) {
        if (!sysctl.value().equals(view(sysctl.netns()).sysctls().get(sysctl.name()))) {
            changes.add(new SetSysctl(sysctl));
        }
    }

    private Set<String> linksToRecreate(List<Link> links) {
        Set<String> recreate = new HashSet<>();
        for (Link link : links) {
            Optional<ObservedLink> observed = view(link.netns()).link(link.name());
            if (link.kind() instanceof LinkKind.Existing) {
                if (observed.isEmpty()) {
                    conflicts.put(link.key(), "device " + link.name() + " does not exist in the " + nsName(link.netns())
                            + " namespace");
                }
                continue;
            }
            if (observed.isEmpty()) {
                continue;
            }
            if (!observed.get().owned() && !isLegOfOwnedVeth(link, observed.get())) {
                conflicts.put(link.key(), "device " + link.name() + " in the " + nsName(link.netns())
                        + " namespace is not OpenPE's (its link group is not " + Ownership.LINK_GROUP
                        + "): OpenPE neither uses nor removes it; rename or delete it");
                continue;
            }
            if (matches(link, observed.get())) {
                continue;
            }
            if (observed.get().owned()) {
                recreate.add(link.key());
                changes.add(new DeleteLink(link.netns(), link.name(), link.key()));
            } else {
                conflicts.put(link.key(), "device " + link.name() + " in the " + nsName(link.netns())
                        + " namespace is not managed by OpenPE and is not a " + kindName(link.kind()));
            }
        }
        // A recreated veth leg takes its peer with it.
        recreate.addAll(links.stream()
                .filter(l -> l.kind() instanceof LinkKind.Veth veth && recreate.contains(peerKey(veth)))
                .map(Link::key).toList());
        return recreate;
    }

    private void removeUndeclaredLinks() {
        Set<String> declared = declaredLinks.keySet();
        Set<String> vethPeersGone = new HashSet<>();
        views.values().stream()
                .flatMap(v -> v.links().stream())
                .filter(o -> o.owned() && !declared.contains(o.link().key()))
                .sorted(Comparator.comparingInt(o -> -creationRank(o.link().kind())))
                .forEach(o -> {
                    if (vethPeersGone.remove(o.link().key())) {
                        return;
                    }
                    if (o.link().kind() instanceof LinkKind.Veth veth && veth.peer() != null) {
                        vethPeersGone.add(new Link(veth.peerNetns(), veth.peer(), o.link().kind(), Optional.empty(),
                                Optional.empty(), false, false, false).key());
                    }
                    changes.add(new DeleteLink(o.link().netns(), o.name(), o.link().key()));
                });
    }

    private Set<String> createMissingLinks(List<Link> links, Set<String> recreate) {
        Set<String> created = new HashSet<>();
        links.stream()
                .filter(l -> !(l.kind() instanceof LinkKind.Existing))
                .filter(l -> recreate.contains(l.key()) || view(l.netns()).link(l.name()).isEmpty())
                .filter(l -> !blockedByConflict(l))
                .sorted(Comparator.comparingInt(l -> creationRank(l.kind())))
                .forEach(link -> {
                    if (created.contains(link.key())) {
                        return;
                    }
                    changes.add(new CreateLink(link));
                    created.add(link.key());
                    if (link.kind() instanceof LinkKind.Veth veth) {
                        Link peer = declaredLinks.get(peerKey(veth));
                        if (peer != null) {
                            fixAttributes(peer, defaultsOf(peer));
                            created.add(peer.key());
                        } else {
                            conflicts.put(link.key(), "veth " + link.name() + " has no declared peer " + veth.peer());
                        }
                    }
                });
        return created;
    }

    /** A veth pair cannot be created while a foreign device holds the name of either leg. */
    private boolean blockedByConflict(Link link) {
        if (link.kind() instanceof LinkKind.Veth veth && conflicts.containsKey(peerKey(veth))) {
            conflicts.put(link.key(), "its veth peer " + veth.peer() + " cannot be created: "
                    + conflicts.get(peerKey(veth)));
            return true;
        }
        return conflicts.containsKey(link.key());
    }

    private void fixAttributes(Link desired, ObservedLink observed) {
        Link actual = observed.link();
        String key = desired.key();
        if (!observed.owned() && !(desired.kind() instanceof LinkKind.Existing)) {
            changes.add(new AdoptLink(desired.netns(), desired.name(), key));
        }
        if (!desired.master().equals(actual.master())) {
            changes.add(new SetMaster(desired.netns(), desired.name(), desired.master(), key));
        }
        desired.mac().filter(mac -> !actual.mac().map(mac::equalsIgnoreCase).orElse(false))
                .ifPresent(mac -> changes.add(new SetMac(desired.netns(), desired.name(), mac, key)));
        desired.mtu().filter(mtu -> !actual.mtu().equals(Optional.of(mtu)))
                .ifPresent(mtu -> changes.add(new SetMtu(desired.netns(), desired.name(), mtu, key)));
        if (desired.ipv6AddrGenNone() && !actual.ipv6AddrGenNone()) {
            changes.add(new DisableIpv6AddrGen(desired.netns(), desired.name(), key));
        }
        if (desired.neighSuppress() && !actual.neighSuppress()) {
            changes.add(new SetNeighSuppress(desired.netns(), desired.name(), key));
        }
        if (desired.up() != actual.up()) {
            changes.add(new SetUp(desired.netns(), desired.name(), desired.up(), key));
        }
    }

    private void reconcileAddresses(List<Address> desired, Set<String> created) {
        Set<String> declared = desired.stream().map(a -> Cidr.normalize(a).key()).collect(Collectors.toSet());
        Set<String> ownedDevices = new HashSet<>();
        for (KernelView view : views.values()) {
            view.links().stream().filter(ObservedLink::owned).forEach(o -> ownedDevices.add(o.link().key()));
        }
        Set<String> recreatedOrNew = new HashSet<>(created);
        for (KernelView view : views.values()) {
            for (Address observed : view.addresses()) {
                String deviceKey = deviceKey(observed);
                if (ownedDevices.contains(deviceKey) && !recreatedOrNew.contains(deviceKey)
                        && declaredLinks.containsKey(deviceKey) && !declared.contains(Cidr.normalize(observed).key())) {
                    changes.add(new DeleteAddress(observed, deviceKey));
                }
            }
        }
        for (Address address : desired) {
            Address normal = Cidr.normalize(address);
            if (conflicts.containsKey(deviceKey(normal))) {
                continue;
            }
            boolean present = !recreatedOrNew.contains(deviceKey(normal)) && view(address.netns()).hasAddress(normal);
            if (!present) {
                changes.add(new AddAddress(address)); // as declared: its key is the one resources own
            }
        }
    }

    private void reconcileRoutes(List<Route> desired, List<Link> links) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        links.forEach(l -> {
            if (l.kind() instanceof LinkKind.Vrf vrf) {
                tables.put(l.netns() + "/" + l.name(), vrf.table());
            }
        });
        Set<String> declared = new HashSet<>();
        for (Route route : desired) {
            Integer table = tables.get(route.netns() + "/" + route.vrf());
            if (table == null) {
                conflicts.put(route.key(), "route in VRF " + route.vrf() + ", which is not declared");
                continue;
            }
            String destination = Cidr.normalize(route.destination());
            declared.add(route.netns() + "/" + table + "/" + destination);
            if (!view(route.netns()).hasRoute(table, destination)) {
                changes.add(new AddRoute(route.netns(), table, destination, route.key()));
            }
        }
        for (KernelView view : views.values()) {
            view.routes().stream()
                    .filter(ObservedRoute::owned)
                    .filter(r -> !declared.contains(r.netns() + "/" + r.table() + "/" + Cidr.normalize(r.destination())))
                    .forEach(r -> changes.add(new DeleteRoute(r.netns(), r.table(), r.destination(),
                            "route " + r.netns() + " table " + r.table() + " unreachable " + r.destination())));
        }
    }

    /**
     * The one foreign device OpenPE takes as its own: the untagged leg of a veth pair whose other
     * leg it tagged (a pair's legs are tagged one after the other, and the runtime may die between).
     */
    private boolean isLegOfOwnedVeth(Link desired, ObservedLink observed) {
        return desired.kind() instanceof LinkKind.Veth veth && observed.link().kind() instanceof LinkKind.Veth
                && view(veth.peerNetns()).link(veth.peer()).map(ObservedLink::owned).orElse(false);
    }

    private boolean matches(Link desired, ObservedLink observed) {
        LinkKind want = desired.kind();
        LinkKind have = observed.link().kind();
        if (want instanceof LinkKind.Veth veth) {
            return have instanceof LinkKind.Veth
                    && view(veth.peerNetns()).link(veth.peer())
                            .map(p -> p.link().kind() instanceof LinkKind.Veth).orElse(false);
        }
        return want.equals(have);
    }

    private static ObservedLink defaultsOf(Link link) {
        Link fresh = new Link(link.netns(), link.name(), link.kind(), Optional.empty(), Optional.empty(), false, false,
                false);
        return new ObservedLink(fresh, 0, Ownership.LINK_GROUP);
    }

    private static String deviceKey(Address address) {
        return "link " + address.netns() + " " + address.device();
    }

    private static String peerKey(LinkKind.Veth veth) {
        return "link " + veth.peerNetns() + " " + veth.peer();
    }

    /** Creation order: a device's master and lower device exist before it. */
    static int creationRank(LinkKind kind) {
        if (kind instanceof LinkKind.Vrf) {
            return 0;
        }
        if (kind instanceof LinkKind.Dummy || kind instanceof LinkKind.Bridge) {
            return 1;
        }
        return 2;
    }

    private KernelView view(Netns netns) {
        return views.getOrDefault(netns, KernelView.empty(netns));
    }

    private static String nsName(Netns netns) {
        return netns == Netns.HOST ? "host" : "router";
    }

    private static String kindName(LinkKind kind) {
        return kind.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static <T extends KernelObject> List<T> only(Collection<KernelObject> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
