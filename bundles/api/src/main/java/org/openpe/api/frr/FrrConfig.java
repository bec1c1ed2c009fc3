package org.openpe.api.frr;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole configuration of the router's FRR instance, rendered deterministically to one
 * integrated {@code frr.conf}. Lists are normalised on construction (sorted by their key, exact
 * duplicates dropped), so configurations merged from fragments in any order are {@code equal}
 * and render to the same text. Two different declarations with the same key (two VNIs for one
 * VRF, two profiles with one name, two instances for one VRF) are rejected.
 *
 * @param hostname the {@code hostname} line
 * @param logLevel FRR's level names ({@code debugging}, {@code informational}, {@code notifications},
 *     {@code warnings}, {@code errors}, {@code critical}, {@code alerts}, {@code emergencies}) or
 *     the common aliases {@code debug}, {@code info}, {@code warn}/{@code warning}, {@code error};
 *     stored as FRR's name
 * @param defaultRouter empty when no underlay is configured (no BGP at all)
 * @param vrfRouters one per VRF
 * @param rawSnippets text rendered after the typed configuration, in {@link RawSnippet#ORDER}
 *     (since 1.2); exact duplicates are dropped
 */
public record FrrConfig(
        String hostname,
        String logLevel,
        List<VrfVni> vrfVnis,
        List<BfdProfile> bfdProfiles,
        Optional<BgpRouter> defaultRouter,
        List<BgpRouter> vrfRouters,
        List<RawSnippet> rawSnippets) {

    private static final List<String> LEVELS = List.of("emergencies", "alerts", "critical", "errors", "warnings",
            "notifications", "informational", "debugging");
    private static final Map<String, String> LEVEL_ALIASES = Map.of("debug", "debugging", "info", "informational",
            "warn", "warnings", "warning", "warnings", "error", "errors", "trace", "debugging");

    public FrrConfig {
        Words.requireWord(hostname, "hostname");
        logLevel = frrLogLevel(logLevel);
        vrfVnis = Words.uniqueSorted(vrfVnis, VrfVni::vrf, Comparator.<String>naturalOrder(), "VNI of VRF");
        bfdProfiles = Words.uniqueSorted(bfdProfiles, BfdProfile::name, Comparator.<String>naturalOrder(), "BFD profile");
        defaultRouter.ifPresent(r -> {
            if (r.vrf().isPresent()) {
                throw new IllegalArgumentException("the default BGP instance must not name a VRF, got " + r.vrf().get());
            }
        });
        for (BgpRouter r : vrfRouters) {
            if (r.vrf().isEmpty()) {
                throw new IllegalArgumentException("a VRF BGP instance must name its VRF (ASN " + r.asn() + ")");
            }
        }
        vrfRouters = Words.uniqueSorted(vrfRouters, r -> r.vrf().get(), Comparator.<String>naturalOrder(), "BGP instance of VRF");
        requireDefinedProfiles(bfdProfiles, defaultRouter, vrfRouters);
        requireUniqueVnis(vrfVnis);
        rawSnippets = Words.uniqueSorted(rawSnippets, s -> s, RawSnippet.ORDER, "raw FRR snippet");
    }

    /** The canonical constructor of version 1.1: no raw snippets. */
    public FrrConfig(String hostname, String logLevel, List<VrfVni> vrfVnis, List<BfdProfile> bfdProfiles,
            Optional<BgpRouter> defaultRouter, List<BgpRouter> vrfRouters) {
        this(hostname, logLevel, vrfVnis, bfdProfiles, defaultRouter, vrfRouters, List.of());
    }

    /**
     * This configuration with {@code snippets} as its raw snippets.
     *
     * @since 1.2
     */
    public FrrConfig withRawSnippets(List<RawSnippet> snippets) {
        return new FrrConfig(hostname, logLevel, vrfVnis, bfdProfiles, defaultRouter, vrfRouters, snippets);
    }

    /** No VRFs, no BFD, no BGP: what an appliance without underlay runs. */
    public static FrrConfig empty(String hostname, String logLevel) {
        return new FrrConfig(hostname, logLevel, List.of(), List.of(), Optional.empty(), List.of());
    }

    /** Every BGP instance, the default one first. */
    public List<BgpRouter> routers() {
        return defaultRouter.map(d -> Stream.concat(Stream.of(d), vrfRouters.stream()).toList())
                .orElse(vrfRouters);
    }

    /**
     * FRR's name of a log level ({@code debug} → {@code debugging}, {@code info} →
     * {@code informational}, ...).
     *
     * @throws IllegalArgumentException naming the value when it is no level
     */
    public static String frrLogLevel(String level) {
        String lower = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        String name = LEVEL_ALIASES.getOrDefault(lower, lower);
        if (!LEVELS.contains(name)) {
            throw new IllegalArgumentException("FRR log level must be one of " + LEVELS + " (or debug, info, warn, error), got '"
                    + level + "'");
        }
        return name;
    }

    private static void requireDefinedProfiles(List<BfdProfile> profiles, Optional<BgpRouter> defaultRouter,
            List<BgpRouter> vrfRouters) {
        Set<String> defined = new HashSet<>();
        profiles.forEach(p -> defined.add(p.name()));
        defaultRouter.ifPresent(r -> requireDefinedProfiles(defined, r));
        vrfRouters.forEach(r -> requireDefinedProfiles(defined, r));
    }

    private static void requireDefinedProfiles(Set<String> defined, BgpRouter router) {
        for (BgpNeighbor n : router.neighbors()) {
            n.bfdProfile().filter(p -> !defined.contains(p)).ifPresent(p -> {
                throw new IllegalArgumentException("neighbor " + n.address() + " uses BFD profile " + p + ", which is not declared");
            });
        }
    }

    private static void requireUniqueVnis(List<VrfVni> vrfVnis) {
        Set<Long> seen = new HashSet<>();
        for (VrfVni v : vrfVnis) {
            if (!seen.add(v.vni())) {
                throw new IllegalArgumentException("VNI " + v.vni() + " is bound to more than one VRF");
            }
        }
    }
}
