package org.openpe.core.validation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.openpe.api.definition.Problems;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.BFDSettings;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.EVPNConfig;
import org.openpe.api.model.Neighbor;
import org.openpe.api.model.PeerType;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.GoDuration;
import org.openpe.core.config.Specs.BfdSpec;
import org.openpe.core.config.Specs.GracefulRestartSpec;
import org.openpe.core.config.Specs.NeighborSpec;
import org.openpe.core.config.Specs.UnderlaySpec;

/** Field rules of the underlay (spec section 3 and the seed limits). */
final class UnderlayRules {

    /** FRR's TCP MD5 key: at most 80 bytes, and whitespace would split the FRR command. */
    private static final Pattern PASSWORD = Pattern.compile("\\p{Graph}{1,80}");

    private UnderlayRules() {}

    static Underlay check(String name, UnderlaySpec spec, Problems p, OptionalInt nodeIndex) {
        Long asn = p.required("asn", spec.asn());
        p.asn("asn", asn);
        String routerIdCidr = spec.routeridcidr() == null ? Underlay.DEFAULT_ROUTER_ID_CIDR : spec.routeridcidr();
        Optional<Cidr> routerIds = p.cidr("routeridcidr", routerIdCidr, true);

        List<Neighbor> neighbors = new ArrayList<>();
        if (spec.neighbors() == null || spec.neighbors().isEmpty()) {
            p.add("'neighbors' needs at least one neighbor (neighbors.0.asn, neighbors.0.address)");
        } else {
            Map<InetAddress, String> addresses = new HashMap<>();
            for (int i = 0; i < spec.neighbors().size(); i++) {
                String prefix = "neighbors." + i + ".";
                Neighbor neighbor = neighbor(prefix, spec.neighbors().get(i), asn, p);
                neighbors.add(neighbor);
                uniqueAddress(prefix, neighbor.address(), addresses, p);
            }
        }

        List<String> nics = spec.nics() == null ? List.of() : spec.nics();
        for (int i = 0; i < nics.size(); i++) {
            String key = nics.size() == 1 ? "nics" : "nics." + i;
            p.interfaceName(key, nics.get(i));
            if (nics.indexOf(nics.get(i)) < i) {
                p.add("'" + key + "' = '" + nics.get(i) + "' is listed twice in 'nics'");
            }
        }

        Optional<EVPNConfig> evpn = Optional.empty();
        Optional<Cidr> vteps = Optional.empty();
        if (spec.evpn() != null) {
            String vtepCidr = p.required("evpn.vtepcidr", spec.evpn().vtepcidr());
            vteps = p.cidr("evpn.vtepcidr", vtepCidr, null);
            evpn = Optional.ofNullable(vtepCidr).map(EVPNConfig::new);
        }

        if (nodeIndex.isPresent()) {
            int i = nodeIndex.getAsInt();
            routerIds.ifPresent(c -> p.fits("routeridcidr", () -> Allocation.routerId(routerIdCidr, i)));
            vteps.ifPresent(c -> p.fits("evpn.vtepcidr", () -> Allocation.vtepAddress(spec.evpn().vtepcidr(), i)));
        }
        Optional<GracefulRestart> gracefulRestart = Optional.ofNullable(spec.gracefulRestart()).map(g -> gracefulRestart(g, p));
        return p.isEmpty() ? new Underlay(name, asn, routerIdCidr, neighbors, nics, evpn, gracefulRestart) : null;
    }

    private static GracefulRestart gracefulRestart(GracefulRestartSpec spec, Problems p) {
        long restart = spec.restartTimeSeconds() == null ? GracefulRestart.DEFAULT_RESTART_TIME : spec.restartTimeSeconds();
        long stale = spec.stalePathTimeSeconds() == null ? GracefulRestart.DEFAULT_STALE_PATH_TIME : spec.stalePathTimeSeconds();
        p.range("gracefulRestart.restartTimeSeconds", restart, 1, GracefulRestart.MAX_TIME);
        p.range("gracefulRestart.stalePathTimeSeconds", stale, 1, GracefulRestart.MAX_TIME);
        return p.isEmpty() ? new GracefulRestart((int) restart, (int) stale) : null;
    }

    private static Neighbor neighbor(String prefix, NeighborSpec n, Long underlayAsn, Problems p) {
        Long asn = n.asn();
        Optional<PeerType> type = p.asnOrType(prefix + "asn", asn, prefix + "type", n.type());
        if (asn != null && asn.equals(underlayAsn)) {
            p.add("'" + prefix + "asn' = " + asn + " equals the underlay asn; for an iBGP neighbor set '" + prefix
                    + "type = internal' instead of '" + prefix + "asn'");
        }
        p.range(prefix + "hostasn", n.hostasn(), 0, Problems.MAX_ASN);
        if (n.hostasn() != null && n.hostasn().equals(asn)) {
            p.add("'" + prefix + "hostasn' = " + n.hostasn() + " must differ from '" + prefix + "asn'");
        }
        String address = p.required(prefix + "address", n.address());
        if (address != null) {
            try {
                Cidr.parseAddress(address);
            } catch (IllegalArgumentException e) {
                p.add("'" + prefix + "address' = '" + address + "' is not an IP address");
            }
        }
        p.range(prefix + "port", n.port(), 0, 16384);
        if (n.password() != null && !PASSWORD.matcher(n.password()).matches()) {
            // the value is a secret: name the field and the rule, never the value
            p.add("'" + prefix + "password' must be 1..80 printable ASCII characters without whitespace (its "
                    + n.password().length() + " characters are not shown: it is a secret)");
        }
        if (n.password() != null && n.passwordSecret() != null) {
            p.add("'" + prefix + "password' and '" + prefix + "passwordSecret' are mutually exclusive");
        }
        timers(prefix, n, p);
        Optional<BFDSettings> bfd = Optional.ofNullable(n.bfd()).map(b -> bfd(prefix + "bfd.", b, p));
        return new Neighbor(
                asn == null ? 0 : asn,
                Optional.ofNullable(n.hostasn()),
                address == null ? "" : address,
                Optional.ofNullable(n.port()).map(Long::intValue),
                Optional.ofNullable(n.password()),
                Optional.ofNullable(n.passwordSecret()),
                Optional.ofNullable(n.holdTime()),
                Optional.ofNullable(n.keepaliveTime()),
                Optional.ofNullable(n.connectTime()),
                Boolean.TRUE.equals(n.ebgpMultiHop()),
                bfd,
                type);
    }

    private static void uniqueAddress(String prefix, String address, Map<InetAddress, String> seen, Problems p) {
        InetAddress parsed;
        try {
            parsed = Cidr.parseAddress(address);
        } catch (IllegalArgumentException e) {
            return;
        }
        String first = seen.putIfAbsent(parsed, prefix);
        if (first != null) {
            p.add("'" + prefix + "address' = '" + address + "' is also the address of " + first.substring(0, first.length() - 1)
                    + "; each neighbor needs its own address");
        }
    }

    private static void timers(String prefix, NeighborSpec n, Problems p) {
        Duration hold = n.holdTime();
        Duration keepalive = n.keepaliveTime();
        if ((hold == null) != (keepalive == null)) {
            p.add("'" + prefix + "holdTime' and '" + prefix + "keepaliveTime' must be set together");
        }
        if (hold != null && wholeSeconds(prefix + "holdTime", hold, p)) {
            long s = hold.toSeconds();
            if (s != 0 && (s < 3 || s > 65535)) {
                p.add("'" + prefix + "holdTime' = " + GoDuration.format(hold)
                        + " must be 0 or between 3s and 65535s");
            }
        }
        if (keepalive != null && wholeSeconds(prefix + "keepaliveTime", keepalive, p)) {
            if (keepalive.toSeconds() > 65535) {
                p.add("'" + prefix + "keepaliveTime' = " + GoDuration.format(keepalive)
                        + " must be at most 65535s");
            }
            if (hold != null && keepalive.compareTo(hold) > 0) {
                p.add("'" + prefix + "keepaliveTime' = " + GoDuration.format(keepalive)
                        + " must not exceed '" + prefix + "holdTime' = "
                        + GoDuration.format(hold));
            }
        }
        Duration connect = n.connectTime();
        if (connect != null && wholeSeconds(prefix + "connectTime", connect, p)
                && (connect.toSeconds() < 1 || connect.toSeconds() > 65535)) {
            p.add("'" + prefix + "connectTime' = " + GoDuration.format(connect)
                    + " must be between 1s and 65535s");
        }
    }

    private static boolean wholeSeconds(String key, Duration d, Problems p) {
        if (d.isNegative() || d.toNanosPart() != 0) {
            p.add("'" + key + "' = " + GoDuration.format(d)
                    + " must be a whole, non-negative number of seconds");
            return false;
        }
        return true;
    }

    private static BFDSettings bfd(String prefix, BfdSpec b, Problems p) {
        return new BFDSettings(
                bounded(prefix + "receiveInterval", b.receiveInterval(), 10, 60000, p),
                bounded(prefix + "transmitInterval", b.transmitInterval(), 10, 60000, p),
                bounded(prefix + "detectMultiplier", b.detectMultiplier(), 2, 255, p),
                bounded(prefix + "echoInterval", b.echoInterval(), 10, 60000, p),
                Boolean.TRUE.equals(b.echoMode()),
                Boolean.TRUE.equals(b.passiveMode()),
                bounded(prefix + "minimumTtl", b.minimumTtl(), 1, 254, p));
    }

    private static Optional<Integer> bounded(String key, Long value, int min, int max, Problems p) {
        p.range(key, value, min, max);
        return Optional.ofNullable(value).filter(v -> v >= min && v <= max).map(Long::intValue);
    }
}
