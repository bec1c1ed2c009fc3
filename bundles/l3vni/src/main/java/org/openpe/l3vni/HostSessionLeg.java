package org.openpe.l3vni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpe.api.ReconcileException;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.VniDevices;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;

/**
 * The veth pair of an L3VNI's host session and the BGP session over it.
 *
 * @param kernel both legs, the router leg enslaved to the VRF, and per address family the addresses of spec section 4
 * @param neighbors the host's speaker, by its address on the host leg, once per address family
 * @param networks the host-side addresses as /32 and /128
 */
record HostSessionLeg(List<KernelObject> kernel, List<BgpNeighbor> neighbors, List<String> networks) {

    private enum Family {
        IPV4("ipv4", "/32"),
        IPV6("ipv6", "/128");

        final String key;
        final String hostPrefix;

        Family(String key, String hostPrefix) {
            this.key = key;
            this.hostPrefix = hostPrefix;
        }

        Optional<String> cidrOf(LocalCIDRConfig localCidr) {
            return this == IPV4 ? localCidr.ipv4() : localCidr.ipv6();
        }
    }

    static HostSessionLeg of(L3VNI l3vni, HostSession session, int nodeIndex) throws ReconcileException {
        int vni = l3vni.vni();
        String routerLeg = VniDevices.routerLegName(vni);
        String hostLeg = VniDevices.hostLegName(vni);
        // The core enslaves the router leg before adding its addresses: enslaving to a VRF drops IPv6 addresses.
        List<KernelObject> kernel = new ArrayList<>(List.of(
                VniDevices.routerLeg(vni).withMaster(l3vni.effectiveVrf()),
                VniDevices.hostLeg(vni)));
        List<BgpNeighbor> neighbors = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        for (Family family : Family.values()) {
            Optional<String> cidr = family.cidrOf(session.localCidr());
            if (cidr.isEmpty()) {
                continue;
            }
            Allocation.VethAddresses addresses = allocate(l3vni, family, cidr.get(), nodeIndex);
            kernel.add(new Address(Netns.ROUTER, routerLeg, addresses.routerSide()));
            kernel.add(new Address(Netns.HOST, hostLeg, addresses.hostSide()));
            neighbors.add(BgpNeighbor.of(addresses.hostAddress(), session.hostAsn(), session.hostType()).withPermissiveRouteMaps(true));
            networks.add(addresses.hostAddress() + family.hostPrefix);
        }
        return new HostSessionLeg(kernel, neighbors, networks);
    }

    private static Allocation.VethAddresses allocate(L3VNI l3vni, Family family, String cidr, int nodeIndex)
            throws ReconcileException {
        try {
            return Allocation.veth(cidr, nodeIndex);
        } catch (IllegalArgumentException e) {
            throw new ReconcileException("l3vni " + l3vni.name() + ": hostsession.localcidr." + family.key + " " + cidr
                    + ": " + e.getMessage());
        }
    }
}
