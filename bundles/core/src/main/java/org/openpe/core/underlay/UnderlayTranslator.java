package org.openpe.core.underlay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Sysctl;
import org.openpe.api.kernel.VniDevices;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.BFDSettings;
import org.openpe.api.model.Neighbor;
import org.openpe.api.model.Underlay;

/**
 * What the underlay needs on this node: forwarding in the router namespace, its NICs up, the VTEP
 * loopback with EVPN, and the default BGP instance peering with the fabric.
 */
public final class UnderlayTranslator {

    private UnderlayTranslator() {}

    public static Contribution contribution(Underlay underlay, int nodeIndex) throws ReconcileException {
        List<KernelObject> kernel = new ArrayList<>(List.of(
                new Sysctl(Netns.ROUTER, "net.ipv4.ip_forward", "1"),
                new Sysctl(Netns.ROUTER, "net.ipv6.conf.all.forwarding", "1")));
        underlay.nics().forEach(nic -> kernel.add(Link.of(Netns.ROUTER, nic, new LinkKind.Existing())));
        if (underlay.evpn().isPresent()) {
            kernel.add(Link.of(Netns.ROUTER, VniDevices.VTEP_DEVICE, new LinkKind.Dummy()));
            kernel.add(new Address(Netns.ROUTER, VniDevices.VTEP_DEVICE, vtepAddress(underlay, nodeIndex)));
        }
        List<BfdProfile> profiles = underlay.neighbors().stream()
                .filter(n -> n.bfd().filter(b -> !b.isDefault()).isPresent())
                .map(n -> profile(n.address(), n.bfd().get()))
                .toList();
        return new Contribution(kernel, new FrrFragment(List.of(), profiles, List.of(), List.of(), List.of()));
    }

    /** The default BGP instance with the fabric sessions, to which other resources add their neighbors. */
    public static BgpRouter defaultRouter(Underlay underlay, int nodeIndex) throws ReconcileException {
        boolean evpn = underlay.evpn().isPresent();
        List<BgpNeighbor> neighbors = underlay.neighbors().stream().map(n -> fabricNeighbor(n, evpn)).toList();
        List<String> networks = evpn ? List.of(vtepAddress(underlay, nodeIndex)) : List.of();
        return BgpRouter.defaultInstance(underlay.asn(), routerId(underlay, nodeIndex), neighbors, networks, evpn)
                .withGracefulRestart(underlay.gracefulRestart());
    }

    /** The router id of every BGP instance on this node. */
    public static String routerId(Underlay underlay, int nodeIndex) throws ReconcileException {
        try {
            return Allocation.routerId(underlay.routerIdCidr(), nodeIndex);
        } catch (AllocationException e) {
            throw new ReconcileException("underlay " + underlay.name() + ": routeridcidr: " + e.getMessage());
        }
    }

    public static String vtepAddress(Underlay underlay, int nodeIndex) throws ReconcileException {
        String cidr = underlay.evpn().orElseThrow().vtepCidr();
        try {
            return Allocation.vtepAddress(cidr, nodeIndex);
        } catch (AllocationException e) {
            throw new ReconcileException("underlay " + underlay.name() + ": evpn.vtepcidr: " + e.getMessage());
        }
    }

    private static BgpNeighbor fabricNeighbor(Neighbor n, boolean evpn) {
        Optional<BFDSettings> bfd = n.bfd();
        Optional<String> profile = bfd.filter(b -> !b.isDefault()).map(b -> BfdProfile.nameFor(n.address()));
        return new BgpNeighbor(n.address(), n.asn(), n.port(), seconds(n.holdTime()), seconds(n.keepaliveTime()),
                seconds(n.connectTime()), n.ebgpMultiHop(), n.password(), bfd.isPresent(), profile, true, evpn, false,
                n.type());
    }

    private static BfdProfile profile(String address, BFDSettings s) {
        return new BfdProfile(BfdProfile.nameFor(address), s.receiveInterval(), s.transmitInterval(),
                s.detectMultiplier(), s.echoInterval(), s.echoMode(), s.passiveMode(), s.minimumTtl());
    }

    private static Optional<Integer> seconds(Optional<Duration> duration) {
        return duration.map(d -> (int) d.toSeconds());
    }
}
