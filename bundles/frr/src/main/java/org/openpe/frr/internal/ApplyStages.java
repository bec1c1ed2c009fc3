package org.openpe.frr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;

/**
 * The intermediate configurations FRR 8.4 needs on the way to a target that one reload cannot
 * reach:
 * <ul>
 * <li><b>Teardown</b>: a BGP instance cannot change its AS in place ({@code router bgp <new> vrf red}
 * is refused while {@code router bgp <old> vrf red} exists), and {@code no router bgp <old> ...} is
 * refused while the VRF still has its L3VNI ("Please unconfigure l3vni") or, for the default
 * instance, while VRF instances exist. So the target is applied first without the replaced
 * instances and the VNIs of their VRFs (without every VRF instance and VNI when the default
 * instance changes AS).
 * <li><b>Instances before VNIs</b>: when a VRF's L3VNI comes up in zebra before bgpd has an instance
 * for that VRF, bgpd creates one itself in the default instance's AS (FRRouting/frr#16152, fixed
 * after 8.4), and {@code router bgp <other AS> vrf red} is then refused. So a VRF whose instance has
 * another AS than the default one gets its instance in one reload and its new VNI in the next.
 * </ul>
 * The raw snippets stay in the second stage (what they set, e.g. route maps in use, does not flap) and
 * are left out of the teardown, where they could recreate the instances being removed.
 */
final class ApplyStages {

    private static final Pattern ROUTER_LINE = Pattern.compile("(?m)^router bgp (\\d+)(?: vrf (\\S+))?\\s*$");
    private static final Pattern VRF_VNI = Pattern.compile("(?m)^vrf (\\S+)\\n vni (\\d+)\\s*$");
    private static final String DEFAULT_INSTANCE = "";

    /** An intermediate configuration and why it is needed, for the log. */
    record Stage(FrrConfig config, String reason) {}

    private ApplyStages() {}

    /** The configurations to apply, in order, before {@code target}, given what runs now ({@code runningText}). */
    static List<Stage> before(FrrConfig target, String runningText) {
        List<Stage> stages = new ArrayList<>();
        Map<String, Long> runningAsns = instanceAsns(runningText);
        Set<VrfVni> bound = vrfVnis(runningText);
        // a VNI whose VRF has no instance yet (bgpd restarted, say) is bound again after the instance
        bound.removeIf(v -> !runningAsns.containsKey(v.vrf()));
        Optional<Stage> teardown = teardown(target, runningAsns);
        teardown.ifPresent(t -> {
            stages.add(t);
            bound.retainAll(t.config().vrfVnis());
        });
        instancesBeforeVnis(target, bound).ifPresent(stages::add);
        return stages;
    }

    private static Optional<Stage> teardown(FrrConfig target, Map<String, Long> running) {
        Set<String> replaced = target.routers().stream()
                .filter(r -> running.containsKey(key(r)) && running.get(key(r)) != r.asn())
                .map(ApplyStages::key)
                .collect(Collectors.toSet());
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        if (replaced.contains(DEFAULT_INSTANCE)) {
            return Optional.of(new Stage(new FrrConfig(target.hostname(), target.logLevel(), List.of(), target.bfdProfiles(),
                    Optional.empty(), List.of()), "the default BGP instance changes AS: removing every instance first"));
        }
        return Optional.of(new Stage(new FrrConfig(target.hostname(), target.logLevel(),
                target.vrfVnis().stream().filter(v -> !replaced.contains(v.vrf())).toList(), target.bfdProfiles(),
                target.defaultRouter(), target.vrfRouters().stream().filter(r -> !replaced.contains(key(r))).toList()),
                "the BGP instance of " + vrfs(replaced) + " changes AS: removing it and its VNI first"));
    }

    private static Optional<Stage> instancesBeforeVnis(FrrConfig target, Set<VrfVni> bound) {
        Optional<Long> defaultAsn = target.defaultRouter().map(BgpRouter::asn);
        Set<String> ownAs = target.vrfRouters().stream()
                .filter(r -> defaultAsn.isPresent() && r.asn() != defaultAsn.get())
                .map(ApplyStages::key)
                .collect(Collectors.toSet());
        Set<String> deferred = target.vrfVnis().stream()
                .filter(v -> ownAs.contains(v.vrf()) && !bound.contains(v))
                .map(VrfVni::vrf)
                .collect(Collectors.toSet());
        if (deferred.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stage(new FrrConfig(target.hostname(), target.logLevel(),
                target.vrfVnis().stream().filter(v -> !deferred.contains(v.vrf())).toList(), target.bfdProfiles(),
                target.defaultRouter(), target.vrfRouters()).withRawSnippets(target.rawSnippets()),
                "the BGP instance of " + vrfs(deferred) + " has its own AS: creating it before its VNI"));
    }

    /** The AS of every {@code router bgp} line, by VRF ({@code ""} for the default instance). */
    static Map<String, Long> instanceAsns(String configText) {
        Map<String, Long> asns = new HashMap<>();
        Matcher m = ROUTER_LINE.matcher(configText);
        while (m.find()) {
            asns.put(m.group(2) == null ? DEFAULT_INSTANCE : m.group(2), Long.parseLong(m.group(1)));
        }
        return asns;
    }

    /** The {@code vrf <name>} / {@code vni <vni>} bindings of a configuration text. */
    static Set<VrfVni> vrfVnis(String configText) {
        Set<VrfVni> bindings = new HashSet<>();
        Matcher m = VRF_VNI.matcher(configText);
        while (m.find()) {
            bindings.add(new VrfVni(m.group(1), Long.parseLong(m.group(2))));
        }
        return bindings;
    }

    private static String vrfs(Set<String> names) {
        return names.stream().sorted().map(n -> "vrf " + n).collect(Collectors.joining(", "));
    }

    private static String key(BgpRouter router) {
        return router.vrf().orElse(DEFAULT_INSTANCE);
    }
}
