package org.openpe.api.frr;

import java.util.List;

/**
 * The part of the FRR configuration one resource contributes. The core merges the fragments of
 * every resource into one {@link FrrConfig}: concatenating the lists is enough, because
 * {@link FrrConfig} and {@link BgpRouter} sort their lists, drop exact duplicates (two resources
 * declaring the same VRF/VNI or network) and reject conflicting declarations with a message
 * naming the key.
 *
 * @param vrfVnis {@code vrf X / vni N} stanzas
 * @param bfdProfiles BFD profiles referenced by neighbors
 * @param defaultNeighbors neighbors of the default BGP instance
 * @param defaultNetworks prefixes announced by the default BGP instance
 * @param vrfRouters per-VRF BGP instances
 * @param vniRouteTargets {@code vni} blocks (route targets of L2VNIs) of the default instance
 * @param rawSnippets FRR configuration text rendered after the typed configuration (since 1.2)
 */
public record FrrFragment(
        List<VrfVni> vrfVnis,
        List<BfdProfile> bfdProfiles,
        List<BgpNeighbor> defaultNeighbors,
        List<String> defaultNetworks,
        List<BgpRouter> vrfRouters,
        List<VniRouteTargets> vniRouteTargets,
        List<RawSnippet> rawSnippets) {

    public static final FrrFragment EMPTY = new FrrFragment(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Raw FRR configuration text alone. */
    public static FrrFragment raw(RawSnippet... snippets) {
        return new FrrFragment(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(snippets));
    }

    /** The canonical constructor of version 1.0: no {@code vni} blocks. */
    public FrrFragment(List<VrfVni> vrfVnis, List<BfdProfile> bfdProfiles, List<BgpNeighbor> defaultNeighbors,
            List<String> defaultNetworks, List<BgpRouter> vrfRouters) {
        this(vrfVnis, bfdProfiles, defaultNeighbors, defaultNetworks, vrfRouters, List.of());
    }

    /** The canonical constructor of version 1.1: no raw snippets. */
    public FrrFragment(List<VrfVni> vrfVnis, List<BfdProfile> bfdProfiles, List<BgpNeighbor> defaultNeighbors,
            List<String> defaultNetworks, List<BgpRouter> vrfRouters, List<VniRouteTargets> vniRouteTargets) {
        this(vrfVnis, bfdProfiles, defaultNeighbors, defaultNetworks, vrfRouters, vniRouteTargets, List.of());
    }

    public FrrFragment {
        vrfVnis = List.copyOf(vrfVnis);
        bfdProfiles = List.copyOf(bfdProfiles);
        defaultNeighbors = List.copyOf(defaultNeighbors);
        defaultNetworks = List.copyOf(defaultNetworks);
        vrfRouters = List.copyOf(vrfRouters);
        vniRouteTargets = List.copyOf(vniRouteTargets);
        rawSnippets = List.copyOf(rawSnippets);
    }
}
