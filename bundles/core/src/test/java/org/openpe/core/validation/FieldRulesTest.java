package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpe.core.validation.TestConfigs.l2vni;
import static org.openpe.core.validation.TestConfigs.l3vni;
import static org.openpe.core.validation.TestConfigs.passthrough;
import static org.openpe.core.validation.TestConfigs.underlay;
import static org.openpe.core.validation.TestConfigs.with;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.BFDSettings;
import org.openpe.api.model.Neighbor;
import org.openpe.api.model.PeerType;
import org.openpe.api.model.Underlay;
import org.openpe.core.definition.TestDefinitions;
import org.openpe.l2vni.HostMaster;
import org.openpe.l2vni.L2VNI;
import org.openpe.l3vni.L3VNI;
import org.openpe.passthrough.L3Passthrough;

/** Every per-resource rule of spec section 3 and the seed limits, each accepted and rejected. */
class FieldRulesTest {

    private static final String N = "neighbors.0.";

    static FieldRules.Result check(ResourceType type, String name, Map<String, Object> props, int index) {
        return FieldRules.check(TestConfigs.candidate(type, name, props), OptionalInt.of(index), TestDefinitions.ALL);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // underlay
                reject(ResourceType.UNDERLAY, with(underlay(), "asn", null), "underlay u: 'asn' is required"),
                reject(ResourceType.UNDERLAY, with(underlay(), "asn", "0"), "underlay u: 'asn' = 0 is out of range 1..4294967295"),
                reject(ResourceType.UNDERLAY, with(underlay(), "asn", "4294967296"), "'asn' = 4294967296 is out of range 1..4294967295"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "asn", null, N + "address", null),
                        "'neighbors' needs at least one neighbor"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "asn", null), "'neighbors.0.asn' or 'neighbors.0.type' (internal or external) is required"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "type", "internal"),
                        "'neighbors.0.asn' = 64512 and 'neighbors.0.type' = 'internal' are mutually exclusive; set one"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "asn", null, N + "type", "ibgp"),
                        "'neighbors.0.type' = 'ibgp' is neither 'internal' nor 'external'"),
                reject(ResourceType.UNDERLAY, with(underlay(), "gracefulRestart.restartTimeSeconds", "4096"),
                        "'gracefulRestart.restartTimeSeconds' = 4096 is out of range 1..4095"),
                reject(ResourceType.UNDERLAY, with(underlay(), "gracefulRestart.stalePathTimeSeconds", "0"),
                        "'gracefulRestart.stalePathTimeSeconds' = 0 is out of range 1..4095"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "asn", "64514"),
                        "'neighbors.0.asn' = 64514 equals the underlay asn; for an iBGP neighbor set 'neighbors.0.type = internal'"
                        + " instead of 'neighbors.0.asn'"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "address", null), "'neighbors.0.address' is required"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "address", "tor1.example"),
                        "'neighbors.0.address' = 'tor1.example' is not an IP address"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "holdTime", "90s"),
                        "'neighbors.0.holdTime' and 'neighbors.0.keepaliveTime' must be set together"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "keepaliveTime", "30s"),
                        "must be set together"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "holdTime", "2s", N + "keepaliveTime", "1s"),
                        "'neighbors.0.holdTime' = 2s must be 0 or between 3s and 65535s"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "holdTime", "30s", N + "keepaliveTime", "1m"),
                        "'neighbors.0.keepaliveTime' = 1m0s must not exceed 'neighbors.0.holdTime' = 30s"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "holdTime", "30500ms", N + "keepaliveTime", "10s"),
                        "'neighbors.0.holdTime' = 30.5s must be a whole, non-negative number of seconds"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "connectTime", "1500ms"),
                        "'neighbors.0.connectTime' = 1.5s must be a whole"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "connectTime", "0"),
                        "'neighbors.0.connectTime' = 0s must be between 1s and 65535s"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "connectTime", "65536s"),
                        "must be between 1s and 65535s"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "port", "16385"),
                        "'neighbors.0.port' = 16385 is out of range 0..16384"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "password", "x", N + "passwordSecret", "y"),
                        "'neighbors.0.password' and 'neighbors.0.passwordSecret' are mutually exclusive"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "hostasn", "64512"),
                        "'neighbors.0.hostasn' = 64512 must differ from 'neighbors.0.asn'"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.receiveInterval", "9"),
                        "'neighbors.0.bfd.receiveInterval' = 9 is out of range 10..60000"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.transmitInterval", "60001"),
                        "'neighbors.0.bfd.transmitInterval' = 60001 is out of range 10..60000"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.echoInterval", "5"),
                        "'neighbors.0.bfd.echoInterval' = 5 is out of range 10..60000"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.detectMultiplier", "1"),
                        "'neighbors.0.bfd.detectMultiplier' = 1 is out of range 2..255"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.detectMultiplier", "256"), "out of range 2..255"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.minimumTtl", "0"),
                        "'neighbors.0.bfd.minimumTtl' = 0 is out of range 1..254"),
                reject(ResourceType.UNDERLAY, with(underlay(), N + "bfd.minimumTtl", "255"), "out of range 1..254"),
                reject(ResourceType.UNDERLAY, with(underlay(), "nics", "eth0,eth1,eth0"),
                        "'nics.2' = 'eth0' is listed twice in 'nics'"),
                reject(ResourceType.UNDERLAY, with(underlay(), "nics", "eth0,1eth"),
                        "'nics.1' = '1eth' must start with a letter"),
                reject(ResourceType.UNDERLAY, with(underlay(), "nics", "averyveryverylong0"),
                        "'nics' = 'averyveryverylong0' is longer than 15 characters"),
                reject(ResourceType.UNDERLAY, with(underlay(), "nics", "0eth"),
                        "'nics' = '0eth' must start with a letter"),
                reject(ResourceType.UNDERLAY, with(underlay(), "routeridcidr", "fd00::/64"),
                        "'routeridcidr' = 'fd00::/64' is not an IPv4 CIDR"),
                reject(ResourceType.UNDERLAY, with(underlay(), "routeridcidr", "10.0.0.0"),
                        "'routeridcidr' = '10.0.0.0' is not a valid CIDR"),
                reject(ResourceType.UNDERLAY, with(underlay(), "evpn.vtepcidr", "100.65.0/24"),
                        "'evpn.vtepcidr' = '100.65.0/24' is not a valid CIDR"),
                // L3VNI
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vni", null), "l3vni u: 'vni' is required"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vni", "0"),
                        "'vni' = 0 is out of range 1..16777215"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vni", "16777216"),
                        "'vni' = 16777216 is out of range 1..16777215"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vxlanport", "0"),
                        "'vxlanport' = 0 is out of range 1..65535"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vrf", "red.1"),
                        "'vrf' = 'red.1' must start with a letter and contain only letters, digits, '_' and '-'"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vrf", "a234567890123456"),
                        "'vrf' = 'a234567890123456' is longer than 15 characters"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.hostasn", "64514"),
                        "'hostsession.hostasn' = 64514 must differ from 'hostsession.asn'"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.asn", null),
                        "'hostsession.asn' is required"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.hostasn", null),
                        "'hostsession.hostasn' or 'hostsession.hosttype' (internal or external) is required"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.hosttype", "external"),
                        "'hostsession.hostasn' = 64515 and 'hostsession.hosttype' = 'external' are mutually exclusive"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "importRTs", "64512:100,64512"),
                        "'importRTs.1' = '64512' is not ASN:NN or A.B.C.D:NN"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "exportRTs", "4200000000:65536"),
                        "'exportRTs' = '4200000000:65536' with a 4-byte ASN, the number after ':' must be at most 65535"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "exportRTs", "64512:4294967296"),
                        "'exportRTs' = '64512:4294967296' with a 2-byte ASN, the number after ':' must be at most 4294967295"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "rd", "192.0.2.1:70000"),
                        "'rd' = '192.0.2.1:70000' with an IPv4 address, the number after ':' must be at most 65535"),
                reject(L2VNI.TYPE, with(l2vni(110), "l2only", "true", "l2gatewayip", null),
                        "'vrf' = 'red' cannot be set with 'l2only = true': a pure-L2 VNI is in no VRF"),
                reject(L2VNI.TYPE, with(l2vni(110), "l2only", "true", "vrf", null),
                        "'l2gatewayip' = '192.171.24.1/24' cannot be set with 'l2only = true': a pure-L2 VNI routes nothing"),
                reject(L2VNI.TYPE, with(l2vni(110), "rd", "300.0.2.1:7"),
                        "'rd' = '300.0.2.1:7' its address part is no IPv4 address"),
                reject(L2VNI.TYPE, with(l2vni(110), "importRTs", String.join(",",
                        java.util.Collections.nCopies(101, "64512:110"))),
                        "'importRTs' lists 101 route targets; at most 100"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.localcidr.ipv4", null),
                        "'hostsession.localcidr' needs at least one of 'hostsession.localcidr.ipv4' and 'hostsession.localcidr.ipv6'"),
                reject(L3VNI.TYPE, l3vni(100, "2001:db8::/64"),
                        "'hostsession.localcidr.ipv4' = '2001:db8::/64' is not an IPv4 CIDR"),
                reject(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.localcidr.ipv6", "10.0.0.0/8"),
                        "'hostsession.localcidr.ipv6' = '10.0.0.0/8' is not an IPv6 CIDR"),
                // L2VNI
                reject(L2VNI.TYPE, with(l2vni(110), "vni", "16777216"), "'vni' = 16777216 is out of range"),
                reject(L2VNI.TYPE, with(l2vni(110), "hostmaster.name", "br0"),
                        "'hostmaster.name' and 'hostmaster.autocreate = true' are mutually exclusive"),
                reject(L2VNI.TYPE, with(l2vni(110), "hostmaster.autocreate", "false"),
                        "'hostmaster' needs either 'hostmaster.name' or 'hostmaster.autocreate = true'"),
                reject(L2VNI.TYPE, with(l2vni(110), "hostmaster.type", "ovs"),
                        "'hostmaster.type' = 'ovs' is not supported; the only type is 'bridge'"),
                reject(L2VNI.TYPE, with(l2vni(110), "hostmaster.autocreate", null, "hostmaster.name", "br 0"),
                        "'hostmaster.name' = 'br 0' must start with a letter"),
                reject(L2VNI.TYPE, with(l2vni(110), "l2gatewayip", "192.171.24.1"),
                        "'l2gatewayip' = '192.171.24.1' is not an address with prefix length"),
                // passthrough
                reject(L3Passthrough.TYPE, Map.of(), "'hostsession' is required"),
                reject(L3Passthrough.TYPE, with(passthrough(), "hostsession.hostasn", "64514"),
                        "'hostsession.hostasn' = 64514 must differ from 'hostsession.asn'"));
    }

    private static Arguments reject(ResourceType type, Map<String, Object> props, String expected) {
        return Arguments.of(type, props, expected);
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejects(ResourceType type, Map<String, Object> props, String expected) {
        FieldRules.Result r = check(type, "u", props, 0);
        assertEquals(null, r.resource());
        assertTrue(r.problems().stream().anyMatch(m -> m.contains(expected)),
                () -> "expected '" + expected + "' in " + r.problems());
        assertTrue(r.problems().stream().allMatch(m -> m.startsWith(type.id() + " u: ")), r.problems()::toString);
    }

    @Test
    void acceptsAFullUnderlayWithDefaults() {
        Map<String, Object> props = with(underlay(), N + "holdTime", "90s", N + "keepaliveTime", "30s",
                N + "connectTime", "10s", N + "port", "180", N + "password", "s3cret", N + "ebgpMultiHop", "true",
                N + "bfd.receiveInterval", "10", N + "bfd.transmitInterval", "60000", N + "bfd.detectMultiplier", "2",
                N + "bfd.echoInterval", "50", N + "bfd.echoMode", "true", N + "bfd.minimumTtl", "254",
                "neighbors.1.asn", "64513", "neighbors.1.address", "fd00::2", "neighbors.1.bfd.passiveMode", "false");
        Underlay u = (Underlay) check(ResourceType.UNDERLAY, "default", props, 0).resource();
        assertEquals(64514, u.asn());
        assertEquals("10.0.0.0/24", u.routerIdCidr());
        assertEquals(List.of("toswitch"), u.nics());
        assertEquals("100.65.0.0/24", u.evpn().orElseThrow().vtepCidr());
        Neighbor n = u.neighbors().get(0);
        assertEquals(Optional.of(Duration.ofSeconds(90)), n.holdTime());
        assertEquals(Optional.of(180), n.port());
        assertEquals(Optional.of("s3cret"), n.password());
        assertTrue(n.ebgpMultiHop());
        assertEquals(new BFDSettings(Optional.of(10), Optional.of(60000), Optional.of(2), Optional.of(50), true, false,
                Optional.of(254)), n.bfd().orElseThrow());
        assertTrue(u.neighbors().get(1).bfd().orElseThrow().isDefault());
    }

    @Test
    void acceptsBoundaryValues() {
        assertAccepted(ResourceType.UNDERLAY, with(underlay(), "asn", "4294967295", N + "asn", "1", N + "port", "0",
                N + "holdTime", "0", N + "keepaliveTime", "0"));
        assertAccepted(ResourceType.UNDERLAY, with(underlay(), N + "holdTime", "3s", N + "keepaliveTime", "3s",
                N + "connectTime", "65535s", N + "port", "16384"));
        assertAccepted(L3VNI.TYPE, with(l3vni(16777215, "192.169.10.0/24"), "vxlanport", "65535"));
        assertAccepted(L3VNI.TYPE, with(l3vni(1, "192.169.10.0/24"), "vrf", "a23456789012345"));
    }

    @Test
    void emptyNicListMeansNoNic() {
        Underlay u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "nics", ""));
        assertEquals(List.of(), u.nics());
        assertEquals(Optional.empty(), u.nic());
        assertEquals(Optional.empty(),
                ((Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "nics", null))).nic());
    }

    @Test
    void twoNicsForTwoTors() {
        Underlay u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "nics", "eth1,eth2",
                "neighbors.1.asn", "64512", "neighbors.1.address", "192.168.12.2"));
        assertEquals(List.of("eth1", "eth2"), u.nics());
        assertEquals(2, u.neighbors().size());
    }

    @Test
    void underlayWithoutEvpnIsValid() {
        Underlay u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "evpn.vtepcidr", null));
        assertEquals(Optional.empty(), u.evpn());
    }

    @Test
    void l3vniDefaultsAndEffectiveVrf() {
        L3VNI v = (L3VNI) check(L3VNI.TYPE, "red", l3vni(100, "192.169.10.0/24"), 0).resource();
        assertEquals(4789, v.vxlanPort());
        assertEquals("red", v.effectiveVrf());
        assertEquals(64515, v.hostSession().orElseThrow().hostAsn());
        L3VNI noSession = (L3VNI) check(L3VNI.TYPE, "blue", TestConfigs.props("vni", "200", "vrf", "tenant"), 0)
                .resource();
        assertEquals("tenant", noSession.effectiveVrf());
        assertEquals(Optional.empty(), noSession.hostSession());
    }

    @Test
    void defaultVrfFromAnInvalidResourceNameIsRejected() {
        FieldRules.Result r = check(L3VNI.TYPE, "a-very-long-vrf-name", l3vni(100, "192.169.10.0/24"), 0);
        assertEquals(List.of("l3vni a-very-long-vrf-name: the VRF name defaults to the resource name"
                + " 'a-very-long-vrf-name', which is not a valid interface name (at most 15 characters, a letter first,"
                + " then letters, digits, '_' or '-'); set 'vrf'"), r.problems());
        assertAccepted(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "vrf", "red"));
    }

    @Test
    void l2vniWithHostMasterName() {
        L2VNI v = (L2VNI) assertAccepted(L2VNI.TYPE,
                with(l2vni(110), "hostmaster.autocreate", null, "hostmaster.name", "br-hs-110", "hostmaster.type", "bridge"));
        assertEquals(new HostMaster(Optional.of("br-hs-110"), "bridge", false), v.hostMaster().orElseThrow());
        assertEquals(Optional.of("192.171.24.1/24"), v.l2GatewayIp());
        assertEquals("red", v.effectiveVrf());
        L2VNI bare = (L2VNI) assertAccepted(L2VNI.TYPE, TestConfigs.props("vni", "120"));
        assertEquals(Optional.empty(), bare.hostMaster());
        assertEquals("u", bare.effectiveVrf());
    }

    @Test
    void routeTargetsAndRdOfBothVniKinds() {
        L3VNI auto = (L3VNI) assertAccepted(L3VNI.TYPE, l3vni(100, "192.169.10.0/24"));
        assertTrue(auto.routeTargets().isAuto());
        L3VNI v = (L3VNI) assertAccepted(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "rd", "10.0.0.1:100",
                "importRTs.0", "64512:100", "importRTs.1", "192.0.2.1:65535", "exportRTs", "4200000000:65535"));
        assertEquals(new RouteTargets(Optional.of("10.0.0.1:100"), List.of("192.0.2.1:65535", "64512:100"),
                List.of("4200000000:65535")), v.routeTargets());
        L2VNI l2 = (L2VNI) assertAccepted(L2VNI.TYPE, with(l2vni(110), "importRTs", "64512:4294967295",
                "exportRTs", "64512:110"));
        assertEquals(List.of("64512:4294967295"), l2.routeTargets().imports());
        assertEquals(Optional.empty(), l2.routeTargets().rd());
    }

    @Test
    void aPureL2VniHasNoVrfEvenWhenItsNameIsNoInterfaceName() {
        FieldRules.Result r = check(L2VNI.TYPE, "a-very-long-l2-name", TestConfigs.props("vni", "130", "l2only", "true"), 0);
        assertEquals(List.of(), r.problems());
        L2VNI v = (L2VNI) r.resource();
        assertTrue(v.l2Only());
        assertEquals(Optional.empty(), v.routingVrf());
        assertEquals(Optional.of("red"), ((L2VNI) assertAccepted(L2VNI.TYPE, l2vni(110))).routingVrf());
    }

    @Test
    void gracefulRestartIsOffUnlessAKeyIsSetThenDefaultsApply() {
        assertEquals(Optional.empty(), ((Underlay) assertAccepted(ResourceType.UNDERLAY, underlay())).gracefulRestart());
        Underlay u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "gracefulRestart.restartTimeSeconds", "60"));
        assertEquals(Optional.of(new GracefulRestart(60, 360)), u.gracefulRestart());
        u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), "gracefulRestart.stalePathTimeSeconds", "4095",
                "gracefulRestart.restartTimeSeconds", "1"));
        assertEquals(Optional.of(new GracefulRestart(1, 4095)), u.gracefulRestart());
    }

    @Test
    void peersByTypeInsteadOfAsn() {
        Underlay u = (Underlay) assertAccepted(ResourceType.UNDERLAY, with(underlay(), N + "asn", null, N + "type", "internal"));
        assertEquals(Optional.of(PeerType.INTERNAL), u.neighbors().get(0).type());
        L3VNI v = (L3VNI) assertAccepted(L3VNI.TYPE, with(l3vni(100, "192.169.10.0/24"), "hostsession.hostasn", null,
                "hostsession.hosttype", "internal"));
        assertEquals(Optional.of(PeerType.INTERNAL), v.hostSession().orElseThrow().hostType());
        L3Passthrough pt = (L3Passthrough) assertAccepted(L3Passthrough.TYPE, with(passthrough(),
                "hostsession.hostasn", null, "hostsession.hosttype", "external"));
        assertEquals(Optional.of(PeerType.EXTERNAL), pt.hostSession().hostType());
    }

    @Test
    void passthroughDualStack() {
        L3Passthrough pt = (L3Passthrough) assertAccepted(L3Passthrough.TYPE, passthrough());
        assertEquals(Optional.of("2001:db8:10::/64"), pt.hostSession().localCidr().ipv6());
    }

    @Test
    void cidrTooSmallForTheNodeIndexNamesIndexAndCidr() {
        assertEquals(List.of("underlay u: 'routeridcidr': CIDR 10.0.0.0/30 is too small for node index 3"
                        + " (it has 4 addresses, address #4 is needed)"),
                check(ResourceType.UNDERLAY, "u", with(underlay(), "routeridcidr", "10.0.0.0/30",
                        "evpn.vtepcidr", "100.65.0.0/29"), 3).problems());
        assertEquals(List.of("underlay u: 'evpn.vtepcidr': CIDR 100.65.0.0/31 is too small for node index 3"
                        + " (it has 2 addresses, address #3 is needed)"),
                check(ResourceType.UNDERLAY, "u", with(underlay(), "evpn.vtepcidr", "100.65.0.0/31"), 3).problems());
        assertEquals(List.of("l3vni u: 'hostsession.localcidr.ipv4': CIDR 192.169.10.0/30 is too small for node index 2"
                        + " (it has 4 addresses, address #4 is needed)"),
                check(L3VNI.TYPE, "u", l3vni(100, "192.169.10.0/30"), 2).problems());
        assertEquals(List.of(), check(L3VNI.TYPE, "u", l3vni(100, "192.169.10.0/30"), 1).problems());
        assertTrue(check(L3Passthrough.TYPE, "u", with(passthrough(), "hostsession.localcidr.ipv6",
                "2001:db8::/127"), 1).problems().get(0).contains("'hostsession.localcidr.ipv6': CIDR 2001:db8::/127"
                + " is too small for node index 1"));
    }

    @Test
    void badNamesAreRejected() {
        assertEquals(List.of("l2vni bad name: the name 'bad name' may only contain letters, digits, '.', '_' and '-'"
                + " and must start with a letter or digit"),
                check(L2VNI.TYPE, "bad name", l2vni(10), 0).problems());
    }

    private static Object assertAccepted(ResourceType type, Map<String, Object> props) {
        FieldRules.Result r = check(type, "u", props, 0);
        assertEquals(List.of(), r.problems());
        return r.resource();
    }
}
