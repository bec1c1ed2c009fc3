package org.openpe.core.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.Dependency;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ConfigSource;
import org.openpe.core.config.ResourceEntry;
import org.openpe.core.config.ResourceKey;
import org.openpe.core.definition.Defined;
import org.openpe.core.definition.Definitions;

/**
 * Validates a whole configuration set (spec section 3) with failure isolation: an invalid resource
 * is rejected alone, resources depending on it are blocked, every other one stays applicable.
 *
 * <p>A rejected candidate never takes down what is in force: when a resource has a version in
 * force ({@link Candidate#applied()}), that version stays what the engine realises, keeps what it
 * claimed and keeps its dependents applicable. Where two resources claim the same thing (a VNI, a
 * VRF, a CIDR, the single underlay), versions in force keep theirs, and among new claims the one
 * listed first wins, so callers list resources in the order they appeared.
 */
public final class ConfigValidator {

    private ConfigValidator() {}

    public static List<ResourceEntry> validate(List<Candidate> candidates, NodeState node, Definitions definitions) {
        List<Work> work = new ArrayList<>();
        Map<ResourceKey, Work> firstByKey = new HashMap<>();
        for (Candidate c : candidates) {
            Work w = new Work(c);
            FieldRules.Result result = FieldRules.check(c, node.nodeIndex(), definitions);
            w.resource = Optional.ofNullable(result.resource());
            w.problems.addAll(result.problems());
            work.add(w);
            Work first = firstByKey.putIfAbsent(c.key(), w);
            if (first != null) {
                w.problems.add(c.key() + ": is also defined by " + first.candidate.source()
                        + "; names must be unique per type");
                w.fallback = Optional.empty();
                continue;
            }
            w.resource.flatMap(r -> Buildability.problem(r, node.nodeIndex())).ifPresent(w::reject);
            ImmutableFields.check(c, w.resource, definitions).ifPresent(w.problems::add);
        }
        new CrossChecks(work, definitions).run();
        work.forEach(Work::decide);
        Dependencies.block(work, node, definitions);
        return work.stream().map(Work::toEntry).toList();
    }

    /** A resource checked on its own (no node index, no other resources), if its fields are valid. */
    public static Optional<Resource> resource(ResourceKey key, Map<String, Object> properties, Definitions definitions) {
        Candidate c = new Candidate(key, new ConfigSource(key.toString(), Optional.empty()), properties, 1,
                Optional.empty(), Optional.empty());
        return Optional.ofNullable(FieldRules.check(c, OptionalInt.empty(), definitions).resource());
    }

    /** The mutable state of one candidate while the set is validated. */
    static final class Work {
        final Candidate candidate;
        final List<String> problems = new ArrayList<>();
        Optional<Resource> resource = Optional.empty();
        /** The version in force, while it may still be realised when the candidate is rejected. */
        Optional<Resource> fallback;
        Optional<Resource> realised = Optional.empty();
        Verdict.Blocked blocked;

        Work(Candidate candidate) {
            this.candidate = candidate;
            this.fallback = candidate.applied().map(AppliedVersion::resource);
        }

        ResourceKey key() {
            return candidate.key();
        }

        boolean isValid() {
            return problems.isEmpty() && blocked == null;
        }

        void reject(String problem) {
            problems.add(key() + ": " + problem);
        }

        /** Realise the candidate when it has no problem, else the version in force, if any. */
        void decide() {
            realised = problems.isEmpty() ? resource : fallback;
        }

        ResourceEntry toEntry() {
            Verdict verdict = !problems.isEmpty() ? new Verdict.Invalid(problems)
                    : blocked != null ? blocked : Verdict.VALID;
            return new ResourceEntry(key(), candidate.source(), candidate.properties(), candidate.generation(),
                    resource, blocked != null ? Optional.empty() : realised, candidate.applied(), verdict);
        }
    }

    /**
     * Uniqueness and overlap rules across resources. First every version in force claims its
     * unique things (the single underlay, its VNI, its VRF, its host-session CIDRs); then every
     * candidate with valid fields claims its own, and is rejected when another resource holds one
     * of them. A resource may hold the claims of both its versions: those of the version in force
     * are released only once the candidate is applied.
     */
    private static final class CrossChecks {
        private final List<Work> work;
        private final Map<String, Work> claims = new HashMap<>();
        private final CidrClaims<Work> cidrs = new CidrClaims<>();
        private final Definitions definitions;

        CrossChecks(List<Work> work, Definitions definitions) {
            this.work = work;
            this.definitions = definitions;
        }

        void run() {
            for (Work w : work) {
                w.fallback.ifPresent(r -> {
                    List<String> conflicts = claimAll(w, r);
                    if (!conflicts.isEmpty()) {
                        conflicts.forEach(c -> w.reject("its version in force: " + c));
                        w.fallback = Optional.empty();
                    }
                });
            }
            for (Work w : work) {
                if (w.problems.isEmpty() && w.resource.isPresent() && !w.resource.equals(w.fallback)) {
                    claimAll(w, w.resource.get()).forEach(w::reject);
                }
            }
        }

        /** Claims everything {@code r} needs, or nothing; returns the conflicts. */
        private List<String> claimAll(Work w, Resource r) {
            Map<String, String> wanted = new LinkedHashMap<>();
            Map<Cidr, String> wantedCidrs = new LinkedHashMap<>();
            if (r.type().equals(ResourceType.UNDERLAY)) {
                wanted.put("underlay", "only one underlay is allowed; %s is already configured");
            } else {
                definitions.of(r.type()).ifPresent(d -> Defined.claim(d, r, new Claims() {
                    @Override
                    public void unique(String what, String conflict) {
                        wanted.putIfAbsent(what, conflict);
                    }

                    @Override
                    public void cidr(String key, Cidr cidr) {
                        wantedCidrs.putIfAbsent(cidr, key);
                    }
                }));
            }
            List<String> conflicts = new ArrayList<>();
            wanted.forEach((what, message) -> {
                Work owner = claims.get(what);
                if (owner != null && owner != w) {
                    conflicts.add(String.format(message, owner.key()));
                }
            });
            wantedCidrs.forEach((cidr, key) -> cidrs.overlapping(cidr).stream().filter(c -> c.owner() != w)
                    .forEach(c -> conflicts.add("'" + key + "' = '" + cidr + "' overlaps " + c.cidr() + " of "
                            + c.owner().key())));
            if (conflicts.isEmpty()) {
                wanted.keySet().forEach(what -> claims.put(what, w));
                wantedCidrs.keySet().forEach(cidr -> cidrs.claim(cidr, w));
            }
            return conflicts;
        }
    }

    /**
     * Blocks resources to realise whose dependency (node settings, the underlay) is not in force.
     * A resource whose candidate is rejected but whose version in force is realised depends the
     * same way.
     */
    private static final class Dependencies {

        static void block(List<Work> work, NodeState node, Definitions definitions) {
            Optional<Work> underlay = work.stream()
                    .filter(w -> w.key().type().equals(ResourceType.UNDERLAY))
                    .filter(w -> w.realised.isPresent())
                    .findFirst();
            Optional<Work> anyUnderlay = work.stream().filter(w -> w.key().type().equals(ResourceType.UNDERLAY)).findFirst();
            for (Work w : work) {
                if (w.realised.isEmpty()) {
                    continue;
                }
                if (!node.isValid()) {
                    w.blocked = new Verdict.Blocked("node settings",
                            w.key() + ": waiting for valid node settings (" + String.join("; ", node.problems()) + ")");
                    continue;
                }
                Dependency dependency = w.key().type().equals(ResourceType.UNDERLAY) ? Dependency.NONE
                        : definitions.of(w.key().type()).map(ResourceDefinition::dependency).orElse(Dependency.NONE);
                if (dependency == Dependency.NONE) {
                    continue;
                }
                if (underlay.isEmpty()) {
                    w.blocked = anyUnderlay
                            .map(u -> new Verdict.Blocked(u.key().toString(),
                                    w.key() + ": waiting for " + u.key() + ", which is invalid"))
                            .orElseGet(() -> new Verdict.Blocked("underlay",
                                    w.key() + ": waiting for an underlay; none is configured"));
                } else if (dependency == Dependency.EVPN
                        && ((Underlay) underlay.get().realised.get()).evpn().isEmpty()) {
                    w.blocked = new Verdict.Blocked(underlay.get().key().toString(),
                            w.key() + ": " + underlay.get().key() + " has no evpn (set evpn.vtepcidr); VNIs need EVPN");
                }
            }
        }
    }
}
