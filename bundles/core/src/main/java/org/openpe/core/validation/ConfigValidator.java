package org.openpe.core.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.L2VNI;
import org.openpe.api.model.L3Passthrough;
import org.openpe.api.model.L3VNI;
import org.openpe.api.model.LocalCIDRConfig;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;

/**
 * Validates a whole configuration set (spec section 3) with failure isolation: an invalid resource
 * is rejected alone, resources depending on it are blocked, every other one stays applicable.
 * Where two resources claim the same thing (a VNI, a VRF, a CIDR, the single underlay) the one
 * listed first keeps it, so callers list resources in the order they appeared.
 */
public final class ConfigValidator {

    private ConfigValidator() {}

    public static List<ResourceEntry> validate(List<Candidate> candidates, NodeState node) {
        List<Work> work = new ArrayList<>();
        Map<ResourceKey, Work> firstByKey = new HashMap<>();
        for (Candidate c : candidates) {
            Work w = new Work(c);
            FieldRules.Result result = FieldRules.check(c, node.nodeIndex());
            w.resource = Optional.ofNullable(result.resource());
            w.problems.addAll(result.problems());
            work.add(w);
            Work first = firstByKey.putIfAbsent(c.key(), w);
            if (first != null) {
                w.problems.add(c.key() + ": is also defined by " + first.candidate.source()
                        + "; names must be unique per type");
                continue;
            }
            w.inForce = w.problems.isEmpty() ? w.resource : Optional.empty();
            ImmutableFields.check(c, w.resource).ifPresent(problem -> {
                w.problems.add(problem);
                w.inForce = c.previous();
            });
        }
        new CrossChecks(work).run();
        Dependencies.block(work, node);
        return work.stream().map(Work::toEntry).toList();
    }

    /** A resource checked on its own (no node index, no other resources), if its fields are valid. */
    public static Optional<Resource> resource(ResourceKey key, Map<String, Object> properties) {
        Candidate c = new Candidate(key, new ConfigSource(key.toString(), Optional.empty()), properties,
                Optional.empty(), Optional.empty());
        return Optional.ofNullable(FieldRules.check(c, OptionalInt.empty()).resource());
    }

    /** The mutable state of one candidate while the set is validated. */
    static final class Work {
        final Candidate candidate;
        final List<String> problems = new ArrayList<>();
        Optional<Resource> resource = Optional.empty();
        Optional<Resource> inForce = Optional.empty();
        Verdict.Blocked blocked;

        Work(Candidate candidate) {
            this.candidate = candidate;
        }

        ResourceKey key() {
            return candidate.key();
        }

        boolean isValid() {
            return problems.isEmpty() && blocked == null;
        }

        void reject(String problem) {
            problems.add(key() + ": " + problem);
            inForce = Optional.empty();
        }

        ResourceEntry toEntry() {
            Verdict verdict = !problems.isEmpty() ? new Verdict.Invalid(problems)
                    : blocked != null ? blocked : Verdict.VALID;
            return new ResourceEntry(key(), candidate.source(), candidate.properties(), resource,
                    blocked != null ? Optional.empty() : inForce, verdict);
        }
    }

    /**
     * Uniqueness and overlap rules across resources. A resource in force claims its unique
     * things (the single underlay, its VNI, its VRF, its host-session CIDRs) only when none is
     * claimed already; otherwise it is rejected and claims nothing.
     */
    private static final class CrossChecks {
        private final List<Work> work;
        private final Map<String, Work> claims = new HashMap<>();
        private final Map<Cidr, Work> cidrs = new LinkedHashMap<>();

        CrossChecks(List<Work> work) {
            this.work = work;
        }

        void run() {
            for (Work w : work) {
                w.inForce.ifPresent(r -> claimAll(w, r));
            }
        }

        private void claimAll(Work w, Resource r) {
            Map<String, String> wanted = new LinkedHashMap<>();
            Map<Cidr, String> wantedCidrs = new LinkedHashMap<>();
            if (r instanceof Underlay) {
                wanted.put("underlay", "only one underlay is allowed; %s is already configured");
            } else if (r instanceof L3Passthrough pt) {
                wanted.put("passthrough", "only one l3passthrough is allowed; %s is already configured");
                hostSession(pt.hostSession(), wantedCidrs);
            } else if (r instanceof L3VNI v) {
                wanted.put("vni " + v.vni(), "'vni' = " + v.vni() + " is already used by %s");
                wanted.put("l3vrf " + v.effectiveVrf(),
                        "VRF '" + v.effectiveVrf() + "' is already used by %s (one L3VNI per VRF)");
                v.hostSession().ifPresent(h -> hostSession(h, wantedCidrs));
            } else if (r instanceof L2VNI v) {
                wanted.put("vni " + v.vni(), "'vni' = " + v.vni() + " is already used by %s");
                wanted.put("l2vrf " + v.effectiveVrf(),
                        "VRF '" + v.effectiveVrf() + "' is already used by %s (one L2VNI per VRF)");
            }
            List<String> conflicts = new ArrayList<>();
            wanted.forEach((what, message) -> {
                Work owner = claims.get(what);
                if (owner != null) {
                    conflicts.add(String.format(message, owner.key()));
                }
            });
            wantedCidrs.forEach((cidr, key) -> cidrs.forEach((other, owner) -> {
                if (other.overlaps(cidr)) {
                    conflicts.add("'" + key + "' = '" + cidr + "' overlaps " + other + " of " + owner.key());
                }
            }));
            if (conflicts.isEmpty()) {
                wanted.keySet().forEach(what -> claims.put(what, w));
                wantedCidrs.keySet().forEach(cidr -> cidrs.put(cidr, w));
            } else {
                conflicts.forEach(w::reject);
            }
        }

        private static void hostSession(HostSession h, Map<Cidr, String> wanted) {
            LocalCIDRConfig local = h.localCidr();
            local.ipv4().ifPresent(c -> wanted.put(Cidr.parse(c), "hostsession.localcidr.ipv4"));
            local.ipv6().ifPresent(c -> wanted.put(Cidr.parse(c), "hostsession.localcidr.ipv6"));
        }
    }

    /** Blocks valid resources whose dependency (node settings, the underlay) is not in force. */
    private static final class Dependencies {

        static void block(List<Work> work, NodeState node) {
            Optional<Work> underlay = work.stream()
                    .filter(w -> w.key().type() == ResourceType.UNDERLAY)
                    .filter(w -> w.inForce.isPresent())
                    .findFirst();
            Optional<Work> anyUnderlay = work.stream().filter(w -> w.key().type() == ResourceType.UNDERLAY).findFirst();
            for (Work w : work) {
                if (!w.isValid()) {
                    continue;
                }
                if (!node.isValid()) {
                    w.blocked = new Verdict.Blocked("node settings",
                            w.key() + ": waiting for valid node settings (" + String.join("; ", node.problems()) + ")");
                    continue;
                }
                ResourceType type = w.key().type();
                if (type == ResourceType.UNDERLAY) {
                    continue;
                }
                if (underlay.isEmpty()) {
                    w.blocked = anyUnderlay
                            .map(u -> new Verdict.Blocked(u.key().toString(),
                                    w.key() + ": waiting for " + u.key() + ", which is invalid"))
                            .orElseGet(() -> new Verdict.Blocked("underlay",
                                    w.key() + ": waiting for an underlay; none is configured"));
                } else if (type != ResourceType.L3PASSTHROUGH
                        && ((Underlay) underlay.get().inForce.get()).evpn().isEmpty()) {
                    w.blocked = new Verdict.Blocked(underlay.get().key().toString(),
                            w.key() + ": " + underlay.get().key() + " has no evpn (set evpn.vtepcidr); VNIs need EVPN");
                }
            }
        }
    }
}
