package org.openpe.frr.internal;

import java.util.List;
import java.util.Optional;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;

/** Configurations for every feature of spec section 6, shaped like the resource plugins will build them. */
final class Configs {

    static final long UNDERLAY_ASN = 64514;
    static final String ROUTER_ID = "10.0.0.1";
    static final String VTEP = "100.65.0.0/32";

    private Configs() {}

    static BgpNeighbor tor(String address) {
        return BgpNeighbor.of(address, 64512).withAllowAsIn(true);
    }

    static FrrConfig noUnderlay() {
        return FrrConfig.empty("pe1", "informational");
    }

    static FrrConfig underlayOnly() {
        return config(List.of(), List.of(), BgpRouter.defaultInstance(UNDERLAY_ASN, ROUTER_ID, List.of(tor("192.168.11.2")),
                List.of(), false), List.of());
    }

    static FrrConfig underlayAllSessionOptions() {
        BgpNeighbor full = tor("192.168.11.2").withPort(1790).withTimers(3, 1).withConnectTime(1).withEbgpMultihop(true)
                .withPassword("s3cret").withBfdProfile(BfdProfile.nameFor("192.168.11.2"));
        BfdProfile profile = BfdProfile.named(BfdProfile.nameFor("192.168.11.2")).withReceiveInterval(200)
                .withTransmitInterval(250).withDetectMultiplier(5).withEchoInterval(60).withEchoMode(true)
                .withPassiveMode(true).withMinimumTtl(250);
        BgpNeighbor plainBfd = tor("2001:db8::2").withBfd();
        return config(List.of(), List.of(profile),
                BgpRouter.defaultInstance(UNDERLAY_ASN, ROUTER_ID, List.of(full, plainBfd), List.of(), false), List.of());
    }

    static FrrConfig evpnWithL3vni() {
        return evpnWithL3vni(UNDERLAY_ASN, 64514);
    }

    /** VRF red in {@code redAsn}; VRF blue, without host session, in the underlay's ASN. */
    static FrrConfig evpnWithL3vni(long underlayAsn, long redAsn) {
        BgpRouter underlay = BgpRouter.defaultInstance(underlayAsn, ROUTER_ID,
                List.of(tor("192.168.11.2").withEvpn(true)), List.of(VTEP), true);
        BgpRouter red = BgpRouter.vrfInstance(redAsn, "red", ROUTER_ID,
                List.of(BgpNeighbor.of("192.169.10.2", 64515).withPermissiveRouteMaps(true)), List.of("192.169.10.2/32"));
        BgpRouter blue = BgpRouter.vrfInstance(underlayAsn, "blue", ROUTER_ID, List.of(), List.of());
        return config(List.of(new VrfVni("red", 100), new VrfVni("blue", 200)), List.of(), underlay, List.of(red, blue));
    }

    static FrrConfig passthroughDualStack() {
        BgpRouter underlay = BgpRouter.defaultInstance(UNDERLAY_ASN, ROUTER_ID, List.of(tor("192.168.11.2"),
                BgpNeighbor.of("192.169.10.2", 64515).withPermissiveRouteMaps(true),
                BgpNeighbor.of("2001:db8:10::2", 64515).withPermissiveRouteMaps(true)),
                List.of("192.169.10.2/32", "2001:db8:10::2/128"), false);
        return config(List.of(), List.of(), underlay, List.of());
    }

    static FrrConfig config(List<VrfVni> vnis, List<BfdProfile> profiles, BgpRouter underlay, List<BgpRouter> vrfs) {
        return new FrrConfig("pe1", "informational", vnis, profiles, Optional.of(underlay), vrfs);
    }
}
