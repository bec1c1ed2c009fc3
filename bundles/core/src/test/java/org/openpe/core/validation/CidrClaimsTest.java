package org.openpe.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpe.api.model.Cidr;

class CidrClaimsTest {

    @Test
    void findsTheClaimsHoldingOrHeldByACidrInClaimOrder() {
        CidrClaims<String> claims = new CidrClaims<>();
        claims.claim(Cidr.parse("10.1.0.0/16"), "a");
        claims.claim(Cidr.parse("10.0.0.0/8"), "b");
        claims.claim(Cidr.parse("10.1.2.3/24"), "c");
        claims.claim(Cidr.parse("192.168.0.0/24"), "d");
        claims.claim(Cidr.parse("fd00::/64"), "e");

        assertEquals(List.of("a", "b", "c"), owners(claims, "10.1.2.0/25"));
        assertEquals(List.of("a", "b", "c"), owners(claims, "10.1.0.0/16"));
        assertEquals(List.of("b"), owners(claims, "10.2.0.0/16"));
        assertEquals(List.of("a", "b", "c", "d"), owners(claims, "0.0.0.0/0"));
        assertEquals(List.of(), owners(claims, "192.168.1.0/24"));
        assertEquals(List.of("e"), owners(claims, "fd00::5/128"));
        assertEquals(List.of(), owners(claims, "fd01::/64"));
    }

    @Test
    void agreesWithComparingEveryPair() {
        Random random = new Random(16);
        CidrClaims<Integer> claims = new CidrClaims<>();
        List<Cidr> claimed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Cidr cidr = randomCidr(random);
            if (claimed.contains(cidr)) {
                continue;
            }
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < claimed.size(); j++) {
                if (claimed.get(j).overlaps(cidr)) {
                    expected.add(j);
                }
            }
            assertEquals(expected, claims.overlapping(cidr).stream().map(CidrClaims.Claim::owner).toList(), cidr.toString());
            claims.claim(cidr, claimed.size());
            claimed.add(cidr);
        }
    }

    private static Cidr randomCidr(Random random) {
        int length = 8 + random.nextInt(25);
        return Cidr.parse("10." + random.nextInt(4) + "." + random.nextInt(256) + "." + random.nextInt(256) + "/" + length);
    }

    private static List<String> owners(CidrClaims<String> claims, String cidr) {
        return claims.overlapping(Cidr.parse(cidr)).stream().map(CidrClaims.Claim::owner).toList();
    }
}
