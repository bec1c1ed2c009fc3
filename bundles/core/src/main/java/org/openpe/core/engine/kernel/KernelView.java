package org.openpe.core.engine.kernel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;

/**
 * What the kernel holds in one namespace, read in one pass: devices, addresses (link-local IPv6
 * left out), unreachable routes and the sysctls OpenPE may set. Indexed on construction, so that
 * looking a device, an address or a route up costs the same with thousands of them.
 */
public final class KernelView {

    private final Netns netns;
    private final List<ObservedLink> links;
    private final List<Address> addresses;
    private final List<ObservedRoute> routes;
    private final Map<String, String> sysctls;
    private final Map<String, ObservedLink> linksByName = new HashMap<>();
    private final Set<Address> normalAddresses = new HashSet<>();
    private final Set<String> routeKeys = new HashSet<>();

    public KernelView(Netns netns, List<ObservedLink> links, List<Address> addresses, List<ObservedRoute> routes,
            Map<String, String> sysctls) {
        this.netns = Objects.requireNonNull(netns, "netns");
        this.links = List.copyOf(links);
        this.addresses = List.copyOf(addresses);
        this.routes = List.copyOf(routes);
        this.sysctls = Map.copyOf(sysctls);
        this.links.forEach(l -> linksByName.putIfAbsent(l.name(), l));
        this.addresses.forEach(a -> normalAddresses.add(Cidr.normalize(a)));
        this.routes.forEach(r -> routeKeys.add(routeKey(r.table(), Cidr.normalize(r.destination()))));
    }

    public static KernelView empty(Netns netns) {
        return new KernelView(netns, List.of(), List.of(), List.of(), Map.of());
    }

    /** The same view with these sysctl values. */
    public KernelView withSysctls(Map<String, String> values) {
        return new KernelView(netns, links, addresses, routes, values);
    }

    public Netns netns() {
        return netns;
    }

    public List<ObservedLink> links() {
        return links;
    }

    public List<Address> addresses() {
        return addresses;
    }

    public List<ObservedRoute> routes() {
        return routes;
    }

    public Map<String, String> sysctls() {
        return sysctls;
    }

    public Optional<ObservedLink> link(String name) {
        return Optional.ofNullable(linksByName.get(name));
    }

    /** The routing table of every VRF device OpenPE owns in this namespace. */
    public Map<String, Integer> ownedVrfTables() {
        Map<String, Integer> tables = new HashMap<>();
        for (ObservedLink observed : links) {
            if (observed.owned() && observed.link().kind() instanceof LinkKind.Vrf vrf && vrf.table() != 0) {
                tables.put(observed.name(), vrf.table());
            }
        }
        return tables;
    }

    /** Whether the device holds this address, however its text is written. */
    public boolean hasAddress(Address address) {
        return normalAddresses.contains(Cidr.normalize(address));
    }

    /** Whether an unreachable route to this destination is in the table, however its text is written. */
    public boolean hasRoute(int table, String destination) {
        return routeKeys.contains(routeKey(table, Cidr.normalize(destination)));
    }

    private static String routeKey(int table, String normalDestination) {
        return table + " " + normalDestination;
    }

    @Override
    public String toString() {
        return "KernelView[" + netns + ", " + links.size() + " links, " + addresses.size() + " addresses, "
                + routes.size() + " routes]";
    }
}
