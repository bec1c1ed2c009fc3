package org.openpe.l2vni;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.NodeContext;
import org.openpe.api.model.EVPNConfig;
import org.openpe.api.model.Underlay;

/**
 * A node context with fixed values: underlay {@code default} (ASN 64514, router ids from
 * 10.0.0.0/24), VRF tables red = 1001 and blue = 1002. Records which VRF tables were asked for.
 */
final class TestNode implements NodeContext {

    static final long UNDERLAY_ASN = 64514;
    private static final Map<String, Integer> TABLES = Map.of("red", 1001, "blue", 1002);

    private final int nodeIndex;
    private final Optional<Underlay> underlay;
    private final OptionalInt nicMtu;
    final List<String> tablesAsked = new ArrayList<>();

    private TestNode(int nodeIndex, Optional<Underlay> underlay) {
        this(nodeIndex, underlay, OptionalInt.empty());
    }

    private TestNode(int nodeIndex, Optional<Underlay> underlay, OptionalInt nicMtu) {
        this.nodeIndex = nodeIndex;
        this.underlay = underlay;
        this.nicMtu = nicMtu;
    }

    /** Node 0 whose underlay NIC has {@code mtu}. */
    static TestNode withNicMtu(int mtu) {
        return new TestNode(0, index(0).underlay, OptionalInt.of(mtu));
    }

    @Override
    public OptionalInt underlayMtu() {
        return nicMtu;
    }

    static TestNode index(int nodeIndex) {
        return withVtepCidr(nodeIndex, "100.65.0.0/24");
    }

    static TestNode withVtepCidr(int nodeIndex, String vtepCidr) {
        return new TestNode(nodeIndex, Optional.of(underlay(Optional.of(new EVPNConfig(vtepCidr)))));
    }

    static TestNode withoutEvpn() {
        return new TestNode(0, Optional.of(underlay(Optional.empty())));
    }

    static TestNode withoutUnderlay() {
        return new TestNode(0, Optional.empty());
    }

    private static Underlay underlay(Optional<EVPNConfig> evpn) {
        return new Underlay("default", UNDERLAY_ASN, "10.0.0.0/24", List.of(), List.of("toswitch"), evpn);
    }

    @Override
    public int nodeIndex() {
        return nodeIndex;
    }

    @Override
    public String routerNamespace() {
        return "perouter";
    }

    @Override
    public Optional<Underlay> underlay() {
        return underlay;
    }

    @Override
    public int vrfTable(String vrf) {
        tablesAsked.add(vrf);
        Integer table = TABLES.get(vrf);
        if (table == null) {
            throw new IllegalArgumentException("no table for VRF " + vrf + " in this test");
        }
        return table;
    }
}
