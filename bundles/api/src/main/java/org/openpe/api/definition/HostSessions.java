package org.openpe.api.definition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.PeerType;

/** Field rules, claims, view and allocations of a host session, for every type that has one. */
public final class HostSessions {

    private HostSessions() {}

    /**
     * The host session written under {@code prefix} (e.g. {@code hostsession.}), or {@code null}
     * when it is incomplete; every problem is reported.
     */
    public static HostSession check(String prefix, HostSessionSpec spec, Problems p, OptionalInt nodeIndex) {
        Long asn = p.required(prefix + "asn", spec.asn());
        p.asn(prefix + "asn", asn);
        Long hostAsn = spec.hostasn();
        Optional<PeerType> hostType = p.asnOrType(prefix + "hostasn", hostAsn, prefix + "hosttype", spec.hosttype());
        if (asn != null && asn.equals(hostAsn)) {
            p.add("'" + prefix + "hostasn' = " + hostAsn + " must differ from '" + prefix + "asn'");
        }
        String ipv4 = spec.localcidr() == null ? null : spec.localcidr().ipv4();
        String ipv6 = spec.localcidr() == null ? null : spec.localcidr().ipv6();
        if (ipv4 == null && ipv6 == null) {
            p.add("'" + prefix + "localcidr' needs at least one of '" + prefix + "localcidr.ipv4' and '"
                    + prefix + "localcidr.ipv6'");
        }
        fits(prefix + "localcidr.ipv4", p.cidr(prefix + "localcidr.ipv4", ipv4, true).isPresent(), ipv4, p, nodeIndex);
        fits(prefix + "localcidr.ipv6", p.cidr(prefix + "localcidr.ipv6", ipv6, false).isPresent(), ipv6, p, nodeIndex);
        if (asn == null || hostAsn == null && hostType.isEmpty()) {
            return null;
        }
        return new HostSession(asn, hostAsn == null ? 0 : hostAsn,
                new LocalCIDRConfig(Optional.ofNullable(ipv4), Optional.ofNullable(ipv6)), hostType);
    }

    /** Claims the session's CIDRs, under the keys {@code hostsession.localcidr.ipv4/ipv6}. */
    public static void claim(HostSession h, Claims claims) {
        LocalCIDRConfig local = h.localCidr();
        local.ipv4().ifPresent(c -> claims.cidr("hostsession.localcidr.ipv4", Cidr.parse(c)));
        local.ipv6().ifPresent(c -> claims.cidr("hostsession.localcidr.ipv6", Cidr.parse(c)));
    }

    /** The change of {@code hostsession.localcidr}, which is immutable on the types that say so. */
    public static Optional<FieldChange> localCidrChange(Optional<HostSession> before, Optional<HostSession> after) {
        Optional<LocalCIDRConfig> b = before.map(HostSession::localCidr);
        Optional<LocalCIDRConfig> a = after.map(HostSession::localCidr);
        if (b.isEmpty() || a.isEmpty() || b.equals(a)) {
            return Optional.empty();
        }
        return Optional.of(new FieldChange("hostsession.localcidr", render(b.get()), render(a.get())));
    }

    private static String render(LocalCIDRConfig cidrs) {
        return "ipv4 " + cidrs.ipv4().orElse("unset") + ", ipv6 " + cidrs.ipv6().orElse("unset");
    }

    /** The session under its configuration keys, for {@link ResourceDefinition#view}. */
    public static Map<String, Object> view(HostSession h) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("asn", h.asn());
        h.hostType().ifPresentOrElse(t -> node.put("hosttype", t.keyword()), () -> node.put("hostasn", h.hostAsn()));
        Map<String, Object> cidr = new LinkedHashMap<>();
        h.localCidr().ipv4().ifPresent(c -> cidr.put("ipv4", c));
        h.localCidr().ipv6().ifPresent(c -> cidr.put("ipv6", c));
        node.put("localcidr", cidr);
        return node;
    }

    /** The veth addresses of the session on this node ({@code ipv4.routerSide}, ...), added to {@code out}. */
    public static void allocations(HostSession h, int nodeIndex, Map<String, String> out) {
        h.localCidr().ipv4().map(c -> Allocation.veth(c, nodeIndex)).ifPresent(v -> {
            out.put("ipv4.routerSide", v.routerSide());
            out.put("ipv4.hostSide", v.hostSide());
        });
        h.localCidr().ipv6().map(c -> Allocation.veth(c, nodeIndex)).ifPresent(v -> {
            out.put("ipv6.routerSide", v.routerSide());
            out.put("ipv6.hostSide", v.hostSide());
        });
    }

    private static void fits(String key, boolean parsed, String cidr, Problems p, OptionalInt nodeIndex) {
        if (parsed && nodeIndex.isPresent()) {
            p.fits(key, () -> Allocation.veth(cidr, nodeIndex.getAsInt()));
        }
    }
}
