package org.openpe.core.validation;

import java.util.Optional;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.L2VNI;
import org.openpe.api.model.L3VNI;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.Resource;
import org.openpe.core.config.Candidate;

/**
 * Fields that cannot change on an existing VNI: {@code hostsession.localcidr} and {@code l2gatewayip}
 * (spec section 3). A passthrough's CIDR may change: its addresses simply move.
 */
final class ImmutableFields {

    private ImmutableFields() {}

    /** The problem when {@code now} changes an immutable field of the candidate's previous version. */
    static Optional<String> check(Candidate c, Optional<Resource> now) {
        if (c.applied().isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        Resource before = c.applied().get().resource();
        Resource after = now.get();
        if (before instanceof L3VNI b && after instanceof L3VNI a) {
            return localCidr(c, b.hostSession().map(HostSession::localCidr), a.hostSession().map(HostSession::localCidr));
        } else if (before instanceof L2VNI b && after instanceof L2VNI a
                && b.l2GatewayIp().isPresent() && a.l2GatewayIp().isPresent()
                && !b.l2GatewayIp().equals(a.l2GatewayIp())) {
            return Optional.of(changed(c, "l2gatewayip", b.l2GatewayIp().get(), a.l2GatewayIp().get()));
        }
        return Optional.empty();
    }

    private static Optional<String> localCidr(Candidate c, Optional<LocalCIDRConfig> before, Optional<LocalCIDRConfig> after) {
        if (before.isEmpty() || after.isEmpty() || before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of(changed(c, "hostsession.localcidr", render(before.get()), render(after.get())));
    }

    private static String render(LocalCIDRConfig cidrs) {
        return "ipv4 " + cidrs.ipv4().orElse("unset") + ", ipv6 " + cidrs.ipv6().orElse("unset");
    }

    private static String changed(Candidate c, String key, String before, String after) {
        return c.key() + ": '" + key + "' cannot be changed on an existing resource (was " + before + ", now " + after
                + "); delete " + c.key() + " and create it again to change it. The previous configuration stays in force";
    }
}
