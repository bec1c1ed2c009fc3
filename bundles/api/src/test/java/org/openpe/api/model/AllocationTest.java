package org.openpe.api.model;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void routerIdIsIndexPlusOne() {
        assertEquals("10.0.0.1", Allocation.routerId("10.0.0.0/24", 0));
        assertEquals("10.0.0.4", Allocation.routerId("10.0.0.0/24", 3));
    }

    @Test
    void vtepOfIndexZeroIsTheNetworkAddress() {
        assertEquals("100.65.0.0/32", Allocation.vtepAddress("100.65.0.0/24", 0));
        assertEquals("100.65.0.3/32", Allocation.vtepAddress("100.65.0.0/24", 3));
    }

    @Test
    void vethRouterSideMovesOffTheNetworkAddress() {
        Allocation.VethAddresses zero = Allocation.veth("192.169.10.0/24", 0);
        assertEquals("192.169.10.1/24", zero.routerSide());
        assertEquals("192.169.10.2/24", zero.hostSide());
        Allocation.VethAddresses three = Allocation.veth("192.169.10.0/24", 3);
        assertEquals("192.169.10.1/24", three.routerSide());
        assertEquals("192.169.10.5/24", three.hostSide());
        assertEquals("192.169.10.1", three.routerAddress());
        assertEquals("192.169.10.5", three.hostAddress());
    }

    @Test
    void vethRouterSideKeepsANetworkAddressNotEndingInZero() {
        Allocation.VethAddresses v = Allocation.veth("192.169.10.64/26", 3);
        assertEquals("192.169.10.64/26", v.routerSide());
        assertEquals("192.169.10.68/26", v.hostSide());
    }

    @Test
    void ipv6UsesTheSameArithmetic() {
        Allocation.VethAddresses v = Allocation.veth("2001:db8:10::/64", 3);
        assertEquals("2001:db8:10::1/64", v.routerSide());
        assertEquals("2001:db8:10::5/64", v.hostSide());
        assertEquals("fd00::3/128", Allocation.vtepAddress("fd00::/64", 3));
    }

    @Test
    void ipv6IsFormattedAsRfc5952() {
        assertEquals("::", Cidr.format(Cidr.parseAddress("0:0:0:0:0:0:0:0")));
        assertEquals("::1", Cidr.format(Cidr.parseAddress("0:0:0:0:0:0:0:1")));
        assertEquals("2001:db8::1:0:0:1", Cidr.format(Cidr.parseAddress("2001:db8:0:0:1:0:0:1")));
        assertEquals("2001:0:0:1::1", Cidr.format(Cidr.parseAddress("2001:0:0:1:0:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", Cidr.format(Cidr.parseAddress("2001:db8::1:1:1:1:1")));
        assertEquals("fe80::", Cidr.format(Cidr.parseAddress("FE80::")));
    }

    @Test
    void hostBitsOfTheCidrAreIgnored() {
        assertEquals("10.0.0.4", Allocation.routerId("10.0.0.77/24", 3));
    }

    @Test
    void tooSmallCidrNamesTheIndexAndTheCidr() {
        AllocationException e = assertThrows(AllocationException.class, () -> Allocation.routerId("10.0.0.0/30", 3));
        assertTrue(e.getMessage().contains("node index 3"), e.getMessage());
        assertTrue(e.getMessage().contains("10.0.0.0/30"), e.getMessage());
        assertThrows(AllocationException.class, () -> Allocation.veth("192.169.10.0/30", 2));
        assertEquals("192.169.10.3/30", Allocation.veth("192.169.10.0/30", 1).hostSide());
        assertThrows(AllocationException.class, () -> Allocation.vtepAddress("100.65.0.0/32", 1));
    }

    @Test
    void cidrParsingRejectsNamesAndBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("localhost/24"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.300/24"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/-1"));
        assertEquals(128, Cidr.parse("::/128").prefixLength());
    }

    @Test
    void overlapMeansEitherContainsTheOther() {
        assertTrue(Cidr.parse("192.169.10.0/24").overlaps(Cidr.parse("192.169.10.128/25")));
        assertTrue(Cidr.parse("192.169.10.128/25").overlaps(Cidr.parse("192.169.10.0/24")));
        assertTrue(!Cidr.parse("192.169.10.0/24").overlaps(Cidr.parse("192.169.11.0/24")));
        assertTrue(!Cidr.parse("192.169.10.0/24").overlaps(Cidr.parse("2001:db8::/64")));
    }

    @Test
    void passwordsNeverAppearInToString() {
        Neighbor n = new Neighbor(64512, Optional.empty(), "192.168.11.2", Optional.empty(), Optional.of("s3cret"),
                Optional.empty(), Optional.of(Duration.ofSeconds(90)), Optional.empty(), Optional.empty(), false,
                Optional.empty());
        Underlay u = new Underlay("default", 64514, Underlay.DEFAULT_ROUTER_ID_CIDR, List.of(n),
                List.of(), Optional.empty());
        assertTrue(!u.toString().contains("s3cret"), u.toString());
        assertTrue(n.toString().contains("****"), n.toString());
    }
}
