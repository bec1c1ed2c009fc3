package org.openpe.itests.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fabric of issue 6, in throw-away namespaces: a leaf switch (FRR AS 64512) that is itself a VTEP
 * with vrf red / VNI 100 and a prefix of its own, cabled to the NIC {@code toswitch} of each node's host
 * namespace, where a host BGP speaker (FRR AS 64515) announces that node's workloads, a /32 and a /128,
 * over one session per address family.
 *
 * <pre>
 *   leaf     fabric bridge 192.168.11.2/24, VTEP 100.64.0.1/32, vrf red: 192.168.200.1/32
 *   host i   toswitch 192.168.11.(3+i)/24, workloads 192.171.0.(1+i)/32 and 2001:db8:100::(1+i)/128 on lo,
 *            speaker peering with the router side of OpenPE's veth, 192.169.10.1 and 2001:db8:10::1
 * </pre>
 */
final class EvpnFabric implements AutoCloseable {

    static final String LEAF_ADDRESS = "192.168.11.2";
    static final String LEAF_VTEP = "100.64.0.1";
    static final String LEAF_PREFIX = "192.168.200.1/32";
    /** The router side of every node's host-session veth (spec section 4: the same on every node). */
    static final List<String> ROUTER_SIDE = List.of("192.169.10.1", "2001:db8:10::1");
    static final int SPEAKER_ASN = 64515;
    /** Issue 18's second ToR (its own AS, cabled to {@code toswitch2} of one node) and iBGP peer (on the leaf's bridge). */
    static final String SECOND_LEAF_ADDRESS = "192.168.12.2";
    static final long SECOND_LEAF_ASN = 64513;
    static final String IBGP_PEER_ADDRESS = "192.168.11.9";
    /** Announced by both leaves once the second one is there: the prefix ECMP spreads over both ToRs. */
    static final String BOTH_LEAVES_PREFIX = "192.168.250.0/24";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> resources = new ArrayList<>();
    final ScratchNamespace leaf;
    final List<ScratchNamespace> hosts = new ArrayList<>();
    FrrInstance leafFrr;
    final List<FrrInstance> speakers = new ArrayList<>();
    FrrInstance secondLeafFrr;
    FrrInstance ibgpPeerFrr;

    private EvpnFabric(ScratchNamespace leaf) {
        this.leaf = leaf;
        resources.add(leaf);
    }

    static String nodeAddress(int index) {
        return "192.168.11." + (3 + index);
    }

    static String workload(int index) {
        return "192.171.0." + (1 + index);
    }

    static String workload6(int index) {
        return "2001:db8:100::" + (1 + index);
    }

    /** A node's underlay resource: AS {@code asn}, its NIC {@code toswitch} peering with the leaf, EVPN. */
    static String underlay(long asn) {
        return """
                asn = %d
                nics = toswitch
                neighbors.0.asn = 64512
                neighbors.0.address = %s
                neighbors.0.connectTime = 2s
                evpn.vtepcidr = 100.65.0.0/24
                """.formatted(asn, LEAF_ADDRESS);
    }

    /** The host side of node {@code index}'s host-session veth in each family (spec section 4). */
    static List<String> hostSide(int index) {
        return List.of("192.169.10." + (2 + index), "2001:db8:10::" + (2 + index));
    }

    /**
     * Creates the fabric; the host speakers expect the router side of their sessions in AS {@code routerAsn}.
     */
    static EvpnFabric create(int nodes, long routerAsn) {
        EvpnFabric fabric = new EvpnFabric(ScratchNamespace.create("evl"));
        try {
            fabric.buildLeaf();
            for (int i = 0; i < nodes; i++) {
                fabric.addHost(i);
            }
            fabric.leafFrr = fabric.keep(FrrInstance.start(fabric.leaf, leafConfig(fabric.leaf.name()), "zebra", "bgpd"));
            for (int i = 0; i < nodes; i++) {
                ScratchNamespace host = fabric.hosts.get(i);
                fabric.speakers.add(fabric.keep(FrrInstance.start(host, speakerConfig(host.name(), i, SPEAKER_ASN, routerAsn),
                        "zebra", "bgpd")));
            }
            return fabric;
        } catch (RuntimeException | Error e) {
            fabric.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private void buildLeaf() {
        leaf.exec("sysctl", "-qw", "net.ipv4.ip_forward=1").orFail();
        leaf.ip("link", "add", "fabric", "type", "bridge");
        leaf.ip("addr", "add", LEAF_ADDRESS + "/24", "dev", "fabric");
        leaf.ip("link", "set", "fabric", "up");
        leaf.ip("addr", "add", LEAF_VTEP + "/32", "dev", "lo");
        leaf.ip("link", "add", "red", "type", "vrf", "table", "100");
        leaf.ip("link", "set", "red", "up");
        leaf.ip("link", "add", "br100", "type", "bridge");
        leaf.ip("link", "set", "br100", "master", "red", "addrgenmode", "none");
        leaf.ip("link", "add", "vni100", "type", "vxlan", "id", "100", "dstport", "4789", "local", LEAF_VTEP,
                "nolearning");
        leaf.ip("link", "set", "vni100", "master", "br100", "addrgenmode", "none");
        leaf.ip("link", "add", "leafnet", "type", "dummy");
        leaf.ip("link", "set", "leafnet", "master", "red");
        leaf.ip("addr", "add", LEAF_PREFIX, "dev", "leafnet");
        for (String device : List.of("br100", "vni100", "leafnet")) {
            leaf.ip("link", "set", device, "up");
        }
    }

    private void addHost(int index) {
        ScratchNamespace host = keep(ScratchNamespace.create("evh" + index));
        hosts.add(host);
        leaf.ip("link", "add", "swp" + (index + 1), "type", "veth", "peer", "name", "toswitch", "netns", host.name());
        leaf.ip("link", "set", "swp" + (index + 1), "master", "fabric", "up");
        host.ip("addr", "add", nodeAddress(index) + "/24", "dev", "toswitch");
        host.ip("link", "set", "toswitch", "up");
        host.ip("addr", "add", workload(index) + "/32", "dev", "lo");
        host.ip("addr", "add", workload6(index) + "/128", "dev", "lo");
    }

    private static String leafConfig(String hostname) {
        return """
                frr defaults traditional
                hostname %s
                !
                vrf red
                 vni 100
                exit-vrf
                !
                router bgp 64512
                 bgp router-id %s
                 no bgp ebgp-requires-policy
                 no bgp network import-check
                 no bgp default ipv4-unicast
                 neighbor nodes peer-group
                 neighbor nodes remote-as external
                 neighbor nodes timers connect 2
                 bgp listen range 192.168.11.0/24 peer-group nodes
                 address-family ipv4 unicast
                  neighbor nodes activate
                  network %s/32
                 exit-address-family
                 address-family l2vpn evpn
                  neighbor nodes activate
                  advertise-all-vni
                 exit-address-family
                !
                router bgp 64512 vrf red
                 bgp router-id %s
                 no bgp ebgp-requires-policy
                 no bgp network import-check
                 address-family ipv4 unicast
                  network %s
                 exit-address-family
                 address-family l2vpn evpn
                  advertise ipv4 unicast
                 exit-address-family
                !
                """.formatted(hostname, LEAF_ADDRESS, LEAF_VTEP, LEAF_ADDRESS, LEAF_PREFIX);
    }

    /** Both speakers are AS 64515: each must accept routes that crossed the other (allowas-in). */
    private static String speakerConfig(String hostname, int index, long speakerAsn, long routerAsn) {
        String v4 = ROUTER_SIDE.get(0);
        String v6 = ROUTER_SIDE.get(1);
        return """
                frr defaults traditional
                hostname %1$s
                !
                router bgp %2$d
                 bgp router-id %3$s
                 no bgp ebgp-requires-policy
                 no bgp network import-check
                 no bgp default ipv4-unicast
                 neighbor %4$s remote-as %5$d
                 neighbor %4$s timers connect 2
                 neighbor %6$s remote-as %5$d
                 neighbor %6$s timers connect 2
                 address-family ipv4 unicast
                  neighbor %4$s activate
                  neighbor %4$s allowas-in
                  network %3$s/32
                 exit-address-family
                 address-family ipv6 unicast
                  neighbor %6$s activate
                  neighbor %6$s allowas-in
                  network %7$s/128
                 exit-address-family
                !
                """.formatted(hostname, speakerAsn, workload(index), v4, routerAsn, v6, workload6(index));
    }

    /** Points every host speaker's sessions (both families) at a router side now in AS {@code routerAsn}. */
        void setRouterAsnOfSpeakers(long routerAsn) {
        for (FrrInstance speaker : speakers) {
            List<String> commands = new ArrayList<>(List.of("configure terminal", "router bgp " + SPEAKER_ASN));
            ROUTER_SIDE.forEach(address -> commands.add("neighbor " + address + " remote-as " + routerAsn));
            speaker.vtysh(commands.toArray(String[]::new));
        }
    }

    static String secondNicAddress(int index) {
        return "192.168.12." + (3 + index);
    }

    /**
     * A second ToR (AS {@value #SECOND_LEAF_ASN}, not a VTEP) cabled to a new NIC {@code toswitch2} of host
     * {@code index}; it and the first leaf both announce {@value #BOTH_LEAVES_PREFIX}.
     */
    void addSecondTor(int index) {
        ScratchNamespace leaf2 = keep(ScratchNamespace.create("evm"));
        ScratchNamespace host = hosts.get(index);
        leaf2.ip("link", "add", "fabric", "type", "bridge");
        leaf2.ip("addr", "add", SECOND_LEAF_ADDRESS + "/24", "dev", "fabric");
        leaf2.ip("link", "set", "fabric", "up");
        leaf2.ip("link", "add", "swp1", "type", "veth", "peer", "name", "toswitch2", "netns", host.name());
        leaf2.ip("link", "set", "swp1", "master", "fabric", "up");
        host.ip("addr", "add", secondNicAddress(index) + "/24", "dev", "toswitch2");
        host.ip("link", "set", "toswitch2", "up");
        secondLeafFrr = keep(FrrInstance.start(leaf2, listeningRouter(leaf2.name(), SECOND_LEAF_ASN, SECOND_LEAF_ADDRESS,
                "192.168.12.0/24", "external", " network " + BOTH_LEAVES_PREFIX), "zebra", "bgpd"));
        leafFrr.vtysh("configure terminal", "router bgp 64512", "address-family ipv4 unicast", "network " + BOTH_LEAVES_PREFIX);
    }

    /** An iBGP peer of the underlay in AS {@code asn} on the first leaf's bridge, accepting any node as internal. */
    void addIbgpPeer(long asn) {
        ScratchNamespace peer = keep(ScratchNamespace.create("evi"));
        leaf.ip("link", "add", "swp9", "type", "veth", "peer", "name", "eth0", "netns", peer.name());
        leaf.ip("link", "set", "swp9", "master", "fabric", "up");
        peer.ip("addr", "add", IBGP_PEER_ADDRESS + "/24", "dev", "eth0");
        peer.ip("link", "set", "eth0", "up");
        ibgpPeerFrr = keep(FrrInstance.start(peer, listeningRouter(peer.name(), asn, IBGP_PEER_ADDRESS, "192.168.11.0/24",
                "internal", ""), "zebra", "bgpd"));
    }

    /** An IPv4-only BGP router in AS {@code asn} accepting any node of {@code range} as {@code remoteAs}, plus {@code ipv4Line}. */
    private static String listeningRouter(String hostname, long asn, String routerId, String range, String remoteAs,
            String ipv4Line) {
        return """
                frr defaults traditional
                hostname %1$s
                !
                router bgp %2$d
                 bgp router-id %3$s
                 no bgp ebgp-requires-policy
                 no bgp network import-check
                 no bgp default ipv4-unicast
                 neighbor nodes peer-group
                 neighbor nodes remote-as %5$s
                 neighbor nodes timers connect 2
                 bgp listen range %4$s peer-group nodes
                 address-family ipv4 unicast
                  neighbor nodes activate
                 %6$s
                 exit-address-family
                !
                """.formatted(hostname, asn, routerId, range, remoteAs, ipv4Line);
    }

    /** Moves host speaker {@code index} into AS {@code asn} (the router side's, for iBGP host sessions), same sessions. */
    void moveSpeakerToAs(int index, long asn) {
        List<String> commands = new ArrayList<>(List.of("configure terminal", "no router bgp " + SPEAKER_ASN));
        speakerConfig(hosts.get(index).name(), index, asn, asn).lines()
                .filter(line -> !line.startsWith("frr defaults") && !line.startsWith("hostname") && !line.equals("!"))
                .forEach(commands::add);
        speakers.get(index).vtysh(commands.toArray(String[]::new));
    }

    /** A vtysh JSON command against an FRR instance. */
    static JsonNode json(FrrInstance frr, String command) {
        try {
            return JSON.readTree(frr.vtysh(command));
        } catch (IOException e) {
            throw new UncheckedIOException("vtysh `" + command + "` did not answer JSON", e);
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("cleanup of " + resources.get(i) + " failed: " + e);
            }
        }
    }
}
