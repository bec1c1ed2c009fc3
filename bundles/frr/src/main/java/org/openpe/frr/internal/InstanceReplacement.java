package org.openpe.frr.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;

/**
 * A BGP instance cannot change its AS in place: {@code router bgp <new> vrf red} is refused while
 * {@code router bgp <old> vrf red} exists, and frr-reload's {@code no router bgp <old> ...} is refused
 * too while the VRF still has its L3VNI ("Please unconfigure l3vni") or, for the default instance,
 * while VRF instances exist ("Dependent VRF instances exist"). So an AS change goes through a
 * teardown configuration first: the target without the replaced instances and without the VNIs of
 * their VRFs (without every VRF instance and VNI when the default instance changes AS).
 */
final class InstanceReplacement {

    private static final Pattern ROUTER_LINE = Pattern.compile("(?m)^router bgp (\\d+)(?: vrf (\\S+))?\\s*$");
    private static final String DEFAULT_INSTANCE = "";

    private InstanceReplacement() {}

    /**
     * The configuration to apply before {@code target}, or empty when no instance of
     * {@code runningText} (an frr.conf or running configuration) changes AS.
     */
    static Optional<FrrConfig> teardownBefore(FrrConfig target, String runningText) {
        Map<String, Long> running = instanceAsns(runningText);
        Set<String> replaced = target.routers().stream()
                .filter(r -> running.containsKey(key(r)) && running.get(key(r)) != r.asn())
                .map(InstanceReplacement::key)
                .collect(Collectors.toSet());
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        if (replaced.contains(DEFAULT_INSTANCE)) {
            return Optional.of(new FrrConfig(target.hostname(), target.logLevel(), List.of(), target.bfdProfiles(),
                    Optional.empty(), List.of()));
        }
        return Optional.of(new FrrConfig(target.hostname(), target.logLevel(),
                target.vrfVnis().stream().filter(v -> !replaced.contains(v.vrf())).toList(), target.bfdProfiles(),
                target.defaultRouter(), target.vrfRouters().stream().filter(r -> !replaced.contains(key(r))).toList()));
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

    /** Names the replaced instances for the log, e.g. {@code vrf red, vrf blue}. */
    static String describe(FrrConfig teardown, FrrConfig target) {
        if (teardown.defaultRouter().isEmpty()) {
            return "the default instance (and every VRF instance)";
        }
        return target.vrfRouters().stream().filter(r -> !teardown.vrfRouters().contains(r))
                .map(r -> "vrf " + r.vrf().orElseThrow()).collect(Collectors.joining(", "));
    }

    private static String key(BgpRouter router) {
        return router.vrf().orElse(DEFAULT_INSTANCE);
    }
}
