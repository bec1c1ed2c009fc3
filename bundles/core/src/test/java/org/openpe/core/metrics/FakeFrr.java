package org.openpe.core.metrics;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrInstance;

/** An FRR instance answering the observation queries from fixed lists (a delay simulates a busy FRR). */
final class FakeFrr {

    static final BgpNeighborState UNDERLAY = new BgpNeighborState("default", "ipv4Unicast", "192.168.11.2", 64512, 64514,
            "Established", Duration.ofSeconds(75), 3, 2, 1, 0);
    static final BgpNeighborState UNDERLAY_EVPN = new BgpNeighborState("default", "l2VpnEvpn", "192.168.11.2", 64512,
            64514, "Established", Duration.ofSeconds(75), 4, 1, 1, 0);
    static final BgpNeighborState HOST = new BgpNeighborState("red", "ipv4Unicast", "192.169.10.2", 64515, 64514,
            "Active", Duration.ZERO, 0, 0, 0, 0);
    static final List<EvpnVni> VNIS = List.of(new EvpnVni(100, "L3", "vni100", "red", 0, java.util.OptionalInt.empty()));
    static final List<EvpnRoute> ROUTES = List.of(
            route(5, "10.0.0.1:2", "[5]:[0]:[24]:[192.169.10.0]"),
            route(5, "10.0.0.1:2", "[5]:[0]:[24]:[192.169.10.0]"), // a second path of the same route
            route(3, "10.0.0.1:3", "[3]:[0]:[32]:[100.65.0.0]"));

    final AtomicInteger reads = new AtomicInteger();
    volatile Duration delay = Duration.ZERO;

    FrrInstance instance() {
        return (FrrInstance) Proxy.newProxyInstance(FrrInstance.class.getClassLoader(), new Class<?>[] {FrrInstance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "bgpNeighbors" -> {
                        reads.incrementAndGet();
                        Thread.sleep(delay.toMillis());
                        yield List.of(UNDERLAY, UNDERLAY_EVPN, HOST);
                    }
                    case "evpnVnis" -> VNIS;
                    case "evpnRoutes" -> ROUTES;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static EvpnRoute route(int type, String rd, String prefix) {
        return new EvpnRoute(type, rd, prefix, Optional.empty(), Optional.empty(), OptionalLong.empty(), "100.65.0.1",
                Optional.of("192.168.11.2"), true);
    }
}
