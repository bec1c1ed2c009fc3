package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openpe.frr.BfdPeer;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrException;
import org.openpe.frr.ZebraInterface;

/** Parsing of JSON captured from FRR 8.4.4 (two namespaces, one L2VNI with a host MAC). */
class ObservationsTest {

    @Test
    void bgpSummaryGivesOneEntryPerVrfFamilyAndPeer() throws IOException {
        List<BgpNeighborState> neighbors = Observations.bgpNeighbors(fixture("bgp-summary.json"));

        assertEquals(4, neighbors.size(), neighbors.toString());
        assertEquals(new BgpNeighborState("default", "ipv4Unicast", "192.168.11.2", 64512, 64514, "Established",
                Duration.ofSeconds(29), 1, 1, 1, 0), neighbors.get(0));
        BgpNeighborState vrf = neighbors.get(3);
        assertEquals("red", vrf.vrf());
        assertEquals("Idle", vrf.state());
        assertEquals(Duration.ZERO, vrf.uptime());
    }

    @Test
    void evpnRoutesOfType2And3() throws IOException {
        List<EvpnRoute> routes = Observations.evpnRoutes(fixture("evpn-routes.json"));

        assertEquals(4, routes.size(), routes.toString());
        assertTrue(routes.contains(new EvpnRoute(2, "10.0.0.100:2", "[2]:[0]:[48]:[00:11:22:33:44:55]:[32]:[192.171.24.9]",
                Optional.of("00:11:22:33:44:55"), Optional.of("192.171.24.9"), OptionalLong.of(110), "192.168.11.2",
                Optional.of("192.168.11.2"), true)), routes.toString());
        EvpnRoute vtep = routes.stream().filter(r -> r.routeType() == 3).findFirst().orElseThrow();
        assertEquals(Optional.of("192.168.11.2"), vtep.ip());
        assertEquals(Optional.empty(), vtep.mac());
        assertEquals("192.168.11.2", vtep.nextHop());
    }

    @Test
    void evpnType5PrefixCarriesItsLength() {
        String json = """
                {"10.0.0.100:3":{"rd":"10.0.0.100:3","[5]:[0]:[24]:[192.169.10.0]":{"prefix":"[5]:[0]:[24]:[192.169.10.0]",
                "prefixLen":352,"rd":"10.0.0.100:3","routeType":5,"ethTag":0,"ipLen":24,"ip":"192.169.10.0",
                "paths":[[{"VNI":"100","vni":"100","valid":true,"bestpath":{"overall":true},
                "nexthops":[{"ip":"100.65.0.1","afi":"ipv4","used":true}],
                "peer":{"peerId":"192.168.11.2","routerId":"10.0.0.100","type":"external"}}]]}},"numPrefix":1,"numPaths":1}
                """;
        EvpnRoute route = Observations.evpnRoutes(json).get(0);
        assertEquals(5, route.routeType());
        assertEquals(Optional.of("192.169.10.0/24"), route.ip());
        assertEquals(OptionalLong.of(100), route.vni());
        assertEquals("100.65.0.1", route.nextHop());
    }

    @Test
    void evpnVnisOfBothTypes() throws IOException {
        assertEquals(List.of(new EvpnVni(110, "L2", "vni110", "default", 2, OptionalInt.of(0))),
                Observations.evpnVnis(fixture("evpn-vni-l2.json")));
        assertEquals(List.of(new EvpnVni(100, "L3", "None", "Unknown", 0, OptionalInt.empty())),
                Observations.evpnVnis(fixture("evpn-vni-l3.json")));
    }

    @Test
    void bfdPeersWithLocalAndRemoteIntervals() throws IOException {
        List<BfdPeer> peers = Observations.bfdPeers(fixture("bfd-peers.json"));

        assertEquals(2, peers.size());
        assertEquals(new BfdPeer("192.168.11.2", "192.168.11.1", "default", "down", Duration.ofSeconds(29), true, true, 300,
                200, 5, 1000, 1000, 3), peers.get(1));
    }

    @Test
    void interfacesWithTheirVrfIndexAndAddresses() {
        String json = """
                {
                  "lo": {"administrativeStatus": "up", "vrfName": "default", "index": 1, "ipAddresses": []},
                  "pe-300": {"administrativeStatus": "up", "operationalStatus": "up", "vrfName": "red", "index": 17,
                    "ipAddresses": [{"address": "fd00:0:0:1::1/64", "secondary": false, "unnumbered": false},
                                    {"address": "fe80::f06f:aff:feb4:d488/64", "secondary": false, "unnumbered": false}],
                    "interfaceType": "VETH", "interfaceSlaveType": "Vrf"}
                }
                """;
        assertEquals(List.of(new ZebraInterface("lo", 1, "default", List.of()),
                new ZebraInterface("pe-300", 17, "red", List.of("fd00:0:0:1::1/64", "fe80::f06f:aff:feb4:d488/64"))),
                Observations.interfaces(json));
        assertEquals(Observations.interfaces(json), Observations.interfaces("{\"red\": " + json + "}"),
                "grouped by VRF");
    }

    @Test
    void emptyOutputMeansNothingAndGarbageIsReported() {
        assertEquals(List.of(), Observations.bfdPeers(""));
        assertEquals(List.of(), Observations.evpnVnis("{\n}\n"));
        var e = assertThrows(FrrException.class, () -> Observations.bgpNeighbors("% BGP instance not found"));
        assertTrue(e.getMessage().contains("BGP instance not found"), e.getMessage());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ObservationsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
