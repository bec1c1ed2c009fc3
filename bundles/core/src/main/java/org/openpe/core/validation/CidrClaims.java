package org.openpe.core.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openpe.api.model.Cidr;

/**
 * CIDRs claimed by owners, indexed by network address, so that finding the claims overlapping a
 * CIDR looks at those claims only, not at every claim. Two prefixes overlap exactly when one holds
 * the other: the claims a CIDR holds start inside it, and those holding it have its network,
 * shortened to one of the shorter prefix lengths.
 *
 * @param <T> the owner of a claim
 */
final class CidrClaims<T> {

    /** One claim; {@code order} keeps the order in which they were made. */
    record Claim<T>(Cidr cidr, T owner, long order) {}

    private final Map<Cidr, Claim<T>> claims = new HashMap<>();
    private final Map<Boolean, TreeMap<BigInteger, List<Claim<T>>>> byNetwork = new HashMap<>();

    /** Claims the CIDR for the owner, unless it is claimed already. */
    void claim(Cidr cidr, T owner) {
        if (claims.containsKey(cidr)) {
            return;
        }
        Claim<T> claim = new Claim<>(cidr, owner, claims.size());
        claims.put(cidr, claim);
        index(cidr.isIpv4()).computeIfAbsent(number(cidr), n -> new ArrayList<>()).add(claim);
    }

    /** The claims overlapping the CIDR, in the order they were made. */
    List<Claim<T>> overlapping(Cidr cidr) {
        TreeMap<BigInteger, List<Claim<T>>> index = index(cidr.isIpv4());
        BigInteger start = number(cidr);
        List<Claim<T>> found = new ArrayList<>();
        index.subMap(start, true, start.add(cidr.size()).subtract(BigInteger.ONE), true).values().forEach(found::addAll);
        int bits = cidr.isIpv4() ? 32 : 128;
        for (int length = 0; length < cidr.prefixLength(); length++) {
            int prefixLength = length;
            BigInteger network = start.andNot(BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE));
            if (!network.equals(start)) {
                index.getOrDefault(network, List.of()).stream()
                        .filter(c -> c.cidr().prefixLength() == prefixLength).forEach(found::add);
            }
        }
        found.sort(Comparator.comparingLong(Claim::order));
        return found;
    }

    private TreeMap<BigInteger, List<Claim<T>>> index(boolean ipv4) {
        return byNetwork.computeIfAbsent(ipv4, f -> new TreeMap<>());
    }

    private static BigInteger number(Cidr cidr) {
        return new BigInteger(1, cidr.network().getAddress());
    }
}
