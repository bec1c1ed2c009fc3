package org.openpe.core.engine.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Netns;

/**
 * What the kernel holds in one namespace, read in one pass: devices, addresses (link-local IPv6
 * left out), unreachable routes and the sysctls OpenPE may set.
 */
public record KernelView(
        Netns netns, List<ObservedLink> links, List<Address> addresses, List<ObservedRoute> routes,
        Map<String, String> sysctls) {

    public KernelView {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        sysctls = Map.copyOf(sysctls);
    }

    public static KernelView empty(Netns netns) {
        return new KernelView(netns, List.of(), List.of(), List.of(), Map.of());
    }

    public Optional<ObservedLink> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
