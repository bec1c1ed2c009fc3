package org.openpe.core.validation;

import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.PeerType;
import org.openpe.core.config.Specs.HostSessionSpec;

/** Field rules of a host session (L3VNI and L3Passthrough). */
final class HostSessionRules {

    private HostSessionRules() {}

    static HostSession check(String prefix, HostSessionSpec spec, Problems p, OptionalInt nodeIndex) {
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

    private static void fits(String key, boolean parsed, String cidr, Problems p, OptionalInt nodeIndex) {
        if (parsed && nodeIndex.isPresent()) {
            p.fits(key, () -> Allocation.veth(cidr, nodeIndex.getAsInt()));
        }
    }
}
