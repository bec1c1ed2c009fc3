package org.openpe.frr.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;
import org.openpe.api.frr.VrfVni;

/**
 * The commands that take FRR from one configuration to another, computed from the typed models:
 * only the objects that differ (by VRF, profile name, neighbor address) are rendered, and only
 * their lines that differ are sent. Everything goes in one batch, in an order FRR 8.4 accepts
 * (the cases of {@link ApplyStages}):
 * <ol>
 * <li>VNIs are unbound from the VRFs whose binding changes or whose instance goes: bgpd refuses
 * {@code no router bgp ... vrf V} while V has its L3VNI;
 * <li>instances that go or change AS are removed (VRF instances first; all of them when the
 * default instance goes or changes AS, which bgpd refuses while VRF instances exist);
 * <li>top-level lines, BFD profiles and route maps that are new or changed;
 * <li>instances that are new or changed, the default one first;
 * <li>VNIs are bound, after their VRF's instance exists: otherwise bgpd creates that instance
 * itself in the default instance's AS (FRRouting/frr#16152);
 * <li>route maps and BFD profiles that no neighbor uses any more are removed; BFD settings that
 * have no {@code no} form in bfdd 8.4 are set back to FRR's default.
 * </ol>
 */
final class FrrDelta {

    /**
     * Settings FRR replaces when given a new value, so the old line must not be negated (negating
     * {@code neighbor X remote-as} would even delete the neighbor).
     */
    private static final Pattern SETTING = Pattern.compile("^(neighbor \\S+ (?:remote-as|port|timers connect|timers|password"
            + "|bfd profile|ebgp-multihop)|bgp router-id|bgp graceful-restart restart-time|bgp graceful-restart stalepath-time"
            + "|rd|log file|hostname|detect-multiplier|receive-interval"
            + "|transmit-interval|echo receive-interval|minimum-ttl) ");
    /** BFD profile settings bfdd 8.4 has no {@code no} form for: they are reset by setting FRR's default. */
    private static final Map<String, String> RESET_BY_DEFAULT = Map.of(
            "detect-multiplier", "detect-multiplier " + ConfigRenderer.DEFAULT_DETECT_MULTIPLIER,
            "receive-interval", "receive-interval " + ConfigRenderer.DEFAULT_INTERVAL_MS,
            "transmit-interval", "transmit-interval " + ConfigRenderer.DEFAULT_INTERVAL_MS,
            "echo receive-interval", "echo receive-interval " + ConfigRenderer.DEFAULT_ECHO_INTERVAL_MS);
    private static final String DEFAULT_INSTANCE = "";

    /**
     * @param commands configuration lines, indented by context, passwords included (never log them)
     * @param touched the top-level contexts the commands create, change or remove
     */
    record Batch(List<String> commands, Set<String> touched) {
        boolean isEmpty() {
            return commands.isEmpty();
        }
    }

    private final ConfigRenderer renderer;
    private final List<String> commands = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();

    private FrrDelta(ConfigRenderer renderer) {
        this.renderer = renderer;
    }

    static Batch between(FrrConfig from, FrrConfig to, ConfigRenderer renderer) {
        FrrDelta delta = new FrrDelta(renderer);
        delta.compute(from, to);
        return new Batch(List.copyOf(delta.commands), Set.copyOf(delta.touched));
    }

    /** The commands of {@link #between}, passwords masked: fit for display. */
    static List<String> forDisplay(FrrConfig from, FrrConfig to, ConfigRenderer renderer) {
        Set<String> secrets = new HashSet<>(SecretMasker.secretsOf(from));
        secrets.addAll(SecretMasker.secretsOf(to));
        List<String> commands = new ArrayList<>(between(from, to, renderer).commands());
        commands.addAll(rawSnippetChanges(from, to));
        return commands.stream().map(c -> SecretMasker.mask(c, secrets)).toList();
    }

    /**
     * For display: the lines of the raw snippets {@code to} adds or changes, and a comment per
     * snippet it drops. They are not sent as a delta: frr-reload applies the whole configuration.
     */
    private static List<String> rawSnippetChanges(FrrConfig from, FrrConfig to) {
        List<String> lines = new ArrayList<>();
        for (RawSnippet snippet : to.rawSnippets()) {
            if (!from.rawSnippets().contains(snippet)) {
                lines.add("! raw snippet of " + snippet.owner() + " (priority " + snippet.priority() + "), through frr-reload:");
                lines.addAll(snippet.lines());
            }
        }
        for (RawSnippet snippet : from.rawSnippets()) {
            if (!to.rawSnippets().contains(snippet)) {
                lines.add("! raw snippet of " + snippet.owner() + " (priority " + snippet.priority()
                        + ") removed: frr-reload removes its lines");
            }
        }
        return lines;
    }

    private void compute(FrrConfig from, FrrConfig to) {
        Map<String, BgpRouter> oldRouters = byKey(from.routers(), FrrDelta::key);
        Map<String, BgpRouter> newRouters = byKey(to.routers(), FrrDelta::key);
        Set<String> removedRouters = removedRouters(from, oldRouters, newRouters);
        Map<String, VrfVni> oldVnis = byKey(from.vrfVnis(), VrfVni::vrf);
        Map<String, VrfVni> newVnis = byKey(to.vrfVnis(), VrfVni::vrf);
        Map<String, BfdProfile> oldProfiles = byKey(from.bfdProfiles(), BfdProfile::name);
        Map<String, BfdProfile> newProfiles = byKey(to.bfdProfiles(), BfdProfile::name);

        for (VrfVni v : from.vrfVnis()) {
            if (!v.equals(newVnis.get(v.vrf())) || removedRouters.contains(v.vrf())) {
                vni(v, "no vni ");
            }
        }
        for (BgpRouter r : from.vrfRouters()) {
            if (removedRouters.contains(key(r))) {
                removeTopLevel(routerHeader(r));
            }
        }
        from.defaultRouter().filter(d -> removedRouters.contains(DEFAULT_INSTANCE)).ifPresent(d -> removeTopLevel(routerHeader(d)));

        diff(ConfigContexts.parse(renderer.header(from)).all(), ConfigContexts.parse(renderer.header(to)).all(), Set.of());
        for (BfdProfile p : to.bfdProfiles()) {
            BfdProfile old = oldProfiles.get(p.name());
            if (!p.equals(old)) {
                diff(old == null ? Map.of() : contexts(renderer.bfdProfile(old)), contexts(renderer.bfdProfile(p)), Set.of());
            }
        }
        Map<List<String>, List<String>> oldRouteMaps = contexts(String.join("\n", renderer.routeMaps(from)));
        Map<List<String>, List<String>> newRouteMaps = contexts(String.join("\n", renderer.routeMaps(to)));
        diff(oldRouteMaps, newRouteMaps, Set.of());
        for (BgpRouter r : to.routers()) {
            BgpRouter old = removedRouters.contains(key(r)) ? null : oldRouters.get(key(r));
            if (!r.equals(old)) {
                router(old, r);
            }
        }
        for (VrfVni v : to.vrfVnis()) {
            if (!v.equals(oldVnis.get(v.vrf())) || removedRouters.contains(v.vrf())) {
                vni(v, "vni ");
            }
        }

        oldRouteMaps.keySet().stream().filter(path -> !newRouteMaps.containsKey(path)).forEach(path -> removeTopLevel(path.get(0)));
        if (to.bfdProfiles().isEmpty() && !from.bfdProfiles().isEmpty()) {
            // FRR shows an empty bfd stanza, and frr-reload would then remove it
            removeTopLevel("bfd");
        }
        for (BfdProfile p : from.bfdProfiles()) {
            if (!newProfiles.containsKey(p.name()) && !to.bfdProfiles().isEmpty()) {
                touched.add("bfd");
                commands.addAll(List.of("bfd", " no profile " + p.name(), "exit"));
            }
        }
    }

    /** The instances (by VRF, {@code ""} for the default one) that must be removed: gone, or with another AS. */
    private static Set<String> removedRouters(FrrConfig from, Map<String, BgpRouter> oldRouters,
            Map<String, BgpRouter> newRouters) {
        boolean defaultReplaced = from.defaultRouter().isPresent() && !sameAs(oldRouters.get(DEFAULT_INSTANCE),
                newRouters.get(DEFAULT_INSTANCE));
        Set<String> removed = new HashSet<>();
        oldRouters.forEach((key, old) -> {
            if (defaultReplaced || !sameAs(old, newRouters.get(key))) {
                removed.add(key);
            }
        });
        return removed;
    }

    private static boolean sameAs(BgpRouter old, BgpRouter now) {
        return now != null && now.asn() == old.asn();
    }

    private void vni(VrfVni v, String command) {
        touched.add("vrf " + v.vrf());
        commands.addAll(List.of("vrf " + v.vrf(), " " + command + v.vni(), "exit-vrf"));
    }

    private void removeTopLevel(String header) {
        touched.add(header);
        commands.add("no " + header);
    }

    /**
     * A new or changed instance. A neighbor that goes is removed whole with {@code no neighbor X},
     * which also takes its lines in every address family.
     */
    private void router(BgpRouter old, BgpRouter now) {
        if (old == null) {
            diff(Map.of(), contexts(renderer.router(now)), Set.of());
            return;
        }
        Set<String> kept = now.neighbors().stream().map(BgpNeighbor::address).collect(Collectors.toSet());
        Set<String> removedNeighbors = old.neighbors().stream().map(BgpNeighbor::address).filter(a -> !kept.contains(a))
                .collect(Collectors.toSet());
        diff(contexts(renderer.router(old)), contexts(renderer.router(now)), removedNeighbors);
    }

    /**
     * Sends, per context, the negation of the lines only {@code old} has (last first, so that
     * {@code neighbor X bfd profile P} goes before {@code neighbor X bfd}) and then the lines only
     * {@code now} has. Contexts only {@code old} has are emptied line by line; whole top-level
     * objects are removed by the caller.
     */
    private void diff(Map<List<String>, List<String>> old, Map<List<String>, List<String>> now, Set<String> removedNeighbors) {
        Map<List<String>, List<String>> changes = new LinkedHashMap<>();
        Set<List<String>> paths = new LinkedHashSet<>(now.keySet());
        paths.addAll(old.keySet());
        for (List<String> path : paths) {
            if (path.size() == 3 && !now.containsKey(path)) {
                // a vni block that goes is removed whole, in its address family
                changes.computeIfAbsent(path.subList(0, 2), p -> new ArrayList<>()).add("no " + path.get(2));
                continue;
            }
            List<String> before = old.getOrDefault(path, List.of()).stream()
                    .filter(l -> removedNeighbors.stream().noneMatch(a -> l.startsWith("neighbor " + a + " "))).toList();
            List<String> after = now.getOrDefault(path, List.of());
            Set<String> replacedSettings = after.stream().map(FrrDelta::setting).flatMap(Optional::stream)
                    .collect(Collectors.toSet());
            List<String> lines = new ArrayList<>();
            if (path.size() == 1) {
                removedNeighbors.stream().sorted().forEach(a -> lines.add("no neighbor " + a));
            }
            for (int i = before.size() - 1; i >= 0; i--) {
                String line = before.get(i);
                if (!after.contains(line) && setting(line).map(s -> !replacedSettings.contains(s)).orElse(true)) {
                    lines.add(negation(line));
                }
            }
            after.stream().filter(l -> !before.contains(l)).forEach(lines::add);
            if (!lines.isEmpty() || !old.containsKey(path) && now.containsKey(path)) {
                changes.computeIfAbsent(path, p -> new ArrayList<>()).addAll(lines);
            }
        }
        emit(changes);
    }

    /** Each top-level context once, with its nested contexts inside it. */
    private void emit(Map<List<String>, List<String>> changes) {
        Map<String, Map<List<String>, List<String>>> byTopLevel = new LinkedHashMap<>();
        changes.forEach((path, lines) -> byTopLevel.computeIfAbsent(path.isEmpty() ? "" : path.get(0), h -> new LinkedHashMap<>())
                .put(path, lines));
        byTopLevel.forEach((header, contexts) -> {
            if (header.isEmpty()) {
                commands.addAll(contexts.get(ConfigContexts.ROOT));
                return;
            }
            touched.add(header);
            commands.add(header);
            contexts.forEach((path, lines) -> {
                if (path.size() == 1) {
                    lines.forEach(l -> commands.add(" " + l));
                } else if (path.size() == 2) {
                    commands.add(" " + path.get(1));
                    lines.forEach(l -> commands.add("  " + l));
                    commands.add(closer(path.get(1)));
                } else {
                    commands.addAll(List.of(" " + path.get(1), "  " + path.get(2)));
                    lines.forEach(l -> commands.add("   " + l));
                    commands.addAll(List.of("  exit-vni", closer(path.get(1))));
                }
            });
            commands.add(header.startsWith("vrf ") ? "exit-vrf" : "exit");
        });
    }

    private static String closer(String nested) {
        return nested.startsWith("address-family ") ? " exit-address-family" : " exit";
    }

    private static Optional<String> setting(String line) {
        Matcher m = SETTING.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String negation(String line) {
        Optional<String> reset = setting(line).map(RESET_BY_DEFAULT::get);
        if (reset.isPresent()) {
            return reset.get();
        }
        return line.startsWith("no ") ? line.substring(3) : "no " + line;
    }

    private static Map<List<String>, List<String>> contexts(String text) {
        Map<List<String>, List<String>> contexts = new LinkedHashMap<>(ConfigContexts.parse(text).all());
        contexts.remove(ConfigContexts.ROOT);
        return contexts;
    }

    private static String routerHeader(BgpRouter r) {
        return "router bgp " + r.asn() + r.vrf().map(v -> " vrf " + v).orElse("");
    }

    private static String key(BgpRouter router) {
        return router.vrf().orElse(DEFAULT_INSTANCE);
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
