package org.openpe.frr.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openpe.api.frr.BfdProfile;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.frr.GracefulRestart;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.RawSnippet;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.frr.VrfVni;

/**
 * Renders an {@link FrrConfig} to the text of an integrated {@code frr.conf}. The output depends
 * only on the (already normalised) configuration, never on declaration order, and uses the forms
 * FRR 8.4 prints in {@code show running-config} (defaults left out, {@code ebgp-multihop 255}), so
 * that frr-reload finds nothing to change after an apply. Raw snippets come last, in their order,
 * each after a comment naming it (FRR ignores {@code !} lines) and followed by a {@code !} line.
 */
final class ConfigRenderer {

    static final String MASK = "****";
    static final String PERMISSIVE_ROUTE_MAP = "allowall";

    // FRR's BFD defaults (bfdd/bfd.h): a profile only carries what differs from them.
    static final int DEFAULT_INTERVAL_MS = 300;
    static final int DEFAULT_DETECT_MULTIPLIER = 3;
    static final int DEFAULT_ECHO_INTERVAL_MS = 50;
    private static final String FRR_DEFAULT_FILE_LOG_LEVEL = "debugging";
    private static final int DEFAULT_MINIMUM_TTL = 254;
    private static final int MAX_TTL = 255;
    private static final Pattern PREFIX_LIST = Pattern.compile("ipv?6? prefix-list ");
    /**
     * ECMP over several ToRs: FRR installs every equal path up to its {@code maximum-paths} (by default as many
     * as zebra supports, so not written), but only for paths of the same AS path; ToRs in ASNs of their own
     * give paths of equal length but different ASNs, which this lets count as equal.
     */
    static final String MULTIPATH_RELAX = " bgp bestpath as-path multipath-relax";

    private final Path logFile;

    /** @param logFile the file the {@code log file} line names */
    ConfigRenderer(Path logFile) {
        this.logFile = logFile;
    }

    /** The text applied to FRR, passwords included. Never log it. */
    String render(FrrConfig config) {
        return render(config, false);
    }

    /** The same text with every password replaced by {@value #MASK}, for status and logs. */
    String renderForDisplay(FrrConfig config) {
        return render(config, true);
    }

    private String render(FrrConfig config, boolean maskSecrets) {
        Lines out = new Lines();
        header(out, config);
        config.vrfVnis().forEach(v -> vrfVni(out, v));
        bfd(out, config.bfdProfiles());
        List<String> routeMaps = routeMaps(config);
        if (!routeMaps.isEmpty()) {
            routeMaps.forEach(out::line);
            out.line("!");
        }
        config.routers().forEach(r -> router(out, r, maskSecrets));
        for (RawSnippet snippet : config.rawSnippets()) {
            out.line(rawHeader(snippet));
            snippet.lines().forEach(l -> out.line(maskSecrets ? SecretMasker.mask(l, Set.of()) : l));
            out.line("!");
        }
        return out.toString();
    }

    /**
     * The line number (1-based) in {@link #render} of the first line of each raw snippet's text, in
     * the order of {@link FrrConfig#rawSnippets()}.
     */
    List<Integer> rawSnippetStarts(FrrConfig config) {
        int line = render(config.withRawSnippets(List.of()), false).split("\n", -1).length - 1;
        List<Integer> starts = new ArrayList<>();
        for (RawSnippet snippet : config.rawSnippets()) {
            starts.add(line + 2); // after the header comment
            line += snippet.lines().size() + 2;
        }
        return starts;
    }

    private static String rawHeader(RawSnippet snippet) {
        return "! " + snippet.owner() + ": '" + snippet.field() + "' (priority " + snippet.priority() + ")";
    }

    /** The top-level lines ({@code hostname}, {@code log file}, ...) of {@code config}. */
    String header(FrrConfig config) {
        Lines out = new Lines();
        header(out, config);
        return out.toString();
    }

    /** The {@code bfd} stanza holding {@code profile} alone. */
    String bfdProfile(BfdProfile profile) {
        Lines out = new Lines();
        bfd(out, List.of(profile));
        return out.toString();
    }

    /** One {@code router bgp} stanza, passwords included. Never log it. */
    String router(BgpRouter router) {
        Lines out = new Lines();
        router(out, router, false);
        return out.toString();
    }

    /** The route maps of {@code config}, as configuration lines. */
    List<String> routeMaps(FrrConfig config) {
        if (config.routers().stream().anyMatch(r -> r.neighbors().stream().anyMatch(BgpNeighbor::permissiveRouteMaps))) {
            return List.of("route-map " + PERMISSIVE_ROUTE_MAP + " permit 1", "exit");
        }
        return List.of();
    }

    /**
     * The route maps and prefix lists of the raw snippets, as configuration lines: every daemon
     * holds them, so frr-reload, reading vtysh's merged view, does not see that a restarted bgpd
     * lacks them.
     */
    List<String> rawPolicies(FrrConfig config) {
        List<String> policies = new ArrayList<>();
        for (RawSnippet snippet : config.rawSnippets()) {
            boolean inRouteMap = false;
            for (String line : snippet.lines()) {
                boolean topLevel = !line.startsWith(" ");
                if (topLevel && inRouteMap) {
                    policies.add("exit");
                    inRouteMap = false;
                }
                if (topLevel && line.startsWith("route-map ")) {
                    inRouteMap = true;
                }
                if (inRouteMap || topLevel && PREFIX_LIST.matcher(line).lookingAt()) {
                    policies.add(line);
                }
            }
            if (inRouteMap) {
                policies.add("exit");
            }
        }
        return policies;
    }

    private void header(Lines out, FrrConfig config) {
        out.line("hostname " + config.hostname())
                .line(logFileLine(config.logLevel()))
                .line("ip nht resolve-via-default")
                .line("ipv6 nht resolve-via-default")
                .line("!");
    }

    /** FRR shows the level of its default, {@value #FRR_DEFAULT_FILE_LOG_LEVEL}, as no level at all. */
    private String logFileLine(String level) {
        return "log file " + logFile + (level.equals(FRR_DEFAULT_FILE_LOG_LEVEL) ? "" : " " + level);
    }

    private static void vrfVni(Lines out, VrfVni v) {
        out.line("vrf " + v.vrf()).line(" vni " + v.vni()).line("exit-vrf").line("!");
    }

    private static void bfd(Lines out, List<BfdProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        out.line("bfd");
        for (BfdProfile p : profiles) {
            out.line(" profile " + p.name());
            p.detectMultiplier().filter(v -> v != DEFAULT_DETECT_MULTIPLIER).ifPresent(v -> out.line("  detect-multiplier " + v));
            p.receiveInterval().filter(v -> v != DEFAULT_INTERVAL_MS).ifPresent(v -> out.line("  receive-interval " + v));
            p.transmitInterval().filter(v -> v != DEFAULT_INTERVAL_MS).ifPresent(v -> out.line("  transmit-interval " + v));
            if (p.passiveMode()) {
                out.line("  passive-mode");
            }
            if (p.echoMode()) {
                out.line("  echo-mode");
            }
            p.echoInterval().filter(v -> v != DEFAULT_ECHO_INTERVAL_MS).ifPresent(v -> out.line("  echo receive-interval " + v));
            p.minimumTtl().filter(v -> v != DEFAULT_MINIMUM_TTL).ifPresent(v -> out.line("  minimum-ttl " + v));
            out.line(" exit").line(" !");
        }
        out.line("exit").line("!");
    }

    private static void router(Lines out, BgpRouter r, boolean maskSecrets) {
        out.line("router bgp " + r.asn() + r.vrf().map(v -> " vrf " + v).orElse(""))
                .line(" no bgp ebgp-requires-policy")
                .line(" no bgp network import-check")
                .line(" no bgp default ipv4-unicast")
                .line(" bgp router-id " + r.routerId());
        if (r.vrf().isEmpty() && r.neighbors().size() > 1) {
            out.line(MULTIPATH_RELAX);
        }
        r.gracefulRestart().ifPresent(gr -> gracefulRestart(out, gr));
        r.neighbors().forEach(n -> session(out, n, maskSecrets));
        unicast(out, r, "ipv4", n -> !n.ipv6());
        unicast(out, r, "ipv6", BgpNeighbor::ipv6);
        evpn(out, r);
        out.line("exit").line("!");
    }

    /**
     * Timers at FRR's defaults are left out, as FRR shows them: otherwise every reload would find a difference.
     * {@code preserve-fw-state} sets the F bit in the OPEN of a restarted bgpd: zebra kept the routes in the kernel,
     * so the peers keep this node's routes until it has sent them again (without it, RFC 4724 makes them drop
     * the stale routes as soon as the session is back, before the new bgpd has re-advertised anything).
     */
    private static void gracefulRestart(Lines out, GracefulRestart gr) {
        out.line(" bgp graceful-restart");
        out.line(" bgp graceful-restart preserve-fw-state");
        if (gr.restartTime() != GracefulRestart.DEFAULT_RESTART_TIME) {
            out.line(" bgp graceful-restart restart-time " + gr.restartTime());
        }
        if (gr.stalePathTime() != GracefulRestart.DEFAULT_STALE_PATH_TIME) {
            out.line(" bgp graceful-restart stalepath-time " + gr.stalePathTime());
        }
    }

    private static void session(Lines out, BgpNeighbor n, boolean maskSecrets) {
        String p = " neighbor " + n.address();
        out.line(p + " remote-as " + n.remoteAsWord());
        n.port().ifPresent(v -> out.line(p + " port " + v));
        n.holdTime().ifPresent(hold -> out.line(p + " timers " + n.keepaliveTime().orElseThrow() + " " + hold));
        n.connectTime().ifPresent(v -> out.line(p + " timers connect " + v));
        if (n.ebgpMultihop()) {
            out.line(p + " ebgp-multihop " + MAX_TTL);
        }
        n.password().ifPresent(v -> out.line(p + " password " + (maskSecrets ? MASK : v)));
        if (n.bfd()) {
            out.line(p + " bfd");
        }
        n.bfdProfile().ifPresent(v -> out.line(p + " bfd profile " + v));
    }

    private static void unicast(Lines out, BgpRouter r, String family, Predicate<BgpNeighbor> inFamily) {
        boolean ipv6 = family.equals("ipv6");
        List<String> networks = r.networks().stream().filter(n -> (n.indexOf(':') >= 0) == ipv6).toList();
        List<BgpNeighbor> neighbors = r.neighbors().stream().filter(inFamily).toList();
        if (networks.isEmpty() && neighbors.isEmpty()) {
            return;
        }
        out.line(" !").line(" address-family " + family + " unicast");
        networks.forEach(n -> out.line("  network " + n));
        for (BgpNeighbor n : neighbors) {
            String p = "  neighbor " + n.address();
            out.line(p + " activate");
            if (n.allowAsIn()) {
                out.line(p + " allowas-in");
            }
            if (n.permissiveRouteMaps()) {
                out.line(p + " route-map " + PERMISSIVE_ROUTE_MAP + " in").line(p + " route-map " + PERMISSIVE_ROUTE_MAP + " out");
            }
        }
        out.line(" exit-address-family");
    }

    private static void evpn(Lines out, BgpRouter r) {
        List<BgpNeighbor> neighbors = r.neighbors().stream().filter(BgpNeighbor::evpn).toList();
        if (neighbors.isEmpty() && !r.advertiseAllVni() && !r.advertiseUnicast() && r.routeTargets().isAuto()
                && r.vniRouteTargets().isEmpty()) {
            return;
        }
        out.line(" !").line(" address-family l2vpn evpn");
        for (BgpNeighbor n : neighbors) {
            out.line("  neighbor " + n.address() + " activate");
            if (n.allowAsIn()) {
                out.line("  neighbor " + n.address() + " allowas-in");
            }
        }
        for (VniRouteTargets v : r.vniRouteTargets()) {
            out.line("  vni " + v.vni());
            routeTargets(out, "   ", v.routeTargets());
            out.line("  exit-vni");
        }
        if (r.advertiseAllVni()) {
            out.line("  advertise-all-vni");
        }
        if (r.advertiseUnicast()) {
            out.line("  advertise ipv4 unicast").line("  advertise ipv6 unicast");
        }
        routeTargets(out, "  ", r.routeTargets());
        out.line(" exit-address-family");
    }

    private static void routeTargets(Lines out, String indent, RouteTargets rts) {
        rts.rd().ifPresent(rd -> out.line(indent + "rd " + rd));
        rts.imports().forEach(rt -> out.line(indent + "route-target import " + rt));
        rts.exports().forEach(rt -> out.line(indent + "route-target export " + rt));
    }

    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        Lines line(String line) {
            text.append(line).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
