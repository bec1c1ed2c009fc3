package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.frr.VrfVni;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrSettings;

/**
 * The delta apply path against frr-reload and against {@code vtysh -f} (the floor), on L3VNI-shaped
 * configurations, with a real FRR in a throw-away namespace. Per size, rounds run the methods in
 * alternating order; the table shows medians. After every step frr-reload {@code --test} of the
 * rendered configuration must find nothing to change. Run with {@code bundles/frr/bench.sh [vnis...]}
 * (as root). Not a test.
 */
public final class FrrBench {

    private static final int ROUNDS = 3;
    private static final long UNDERLAY_ASN = 64514;
    private static final String ROUTER_ID = "10.0.0.1";
    private static final Duration LONG = Duration.ofHours(1);

    private final FrrSettings settings;
    private final FrrInstance frr;
    private final ConfigRenderer renderer;
    private final Path scratch;
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private long residualLines;

    private FrrBench(FrrSettings settings, FrrInstance frr, Path scratch) {
        this.settings = settings;
        this.frr = frr;
        this.renderer = new ConfigRenderer(new Layout(settings).frrLogFile());
        this.scratch = scratch;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 1000, 4000)
                : Arrays.stream(args).map(Integer::valueOf).sorted().toList();
        String name = "frb-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        FrrSettings settings = FrrSettings.forNamespace(name).withLogLevel("warnings");
        Path scratch = Files.createTempDirectory("frrbench");
        FrrTestSupport.createNamespace(settings);
        FrrInstance frr = null;
        try {
            // the floor changes FRR behind the instance's back: a drift check would repair it meanwhile
            frr = FrrTestSupport.closedAtShutdown(DefaultFrrInstance.open(settings, Duration.ofDays(1)));
            FrrBench bench = new FrrBench(settings, frr, scratch);
            bench.require(frr.apply(underlayOnly()).get());
            for (int vnis : sizes) {
                bench.measure(vnis);
            }
        } finally {
            if (frr != null) {
                frr.stopDaemons();
                FrrTestSupport.close(frr);
            }
            FrrTestSupport.destroy(settings);
            try (Stream<Path> files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }

    /** Prints the medians and the RESULT line of {@code vnis}. */
    private void measure(int vnis) throws Exception {
        millis.clear();
        residualLines = 0;
        FrrConfig n = l3vnis(vnis);
        FrrConfig nPlusOne = l3vnis(vnis + 1);
        Path nFile = write("n.conf", renderer.render(n));
        Path nPlusOneFile = write("n1.conf", renderer.render(nPlusOne));
        Path deleteFloor = write("delete.conf", deleteLines(n));
        Path empty = write("empty.conf", renderer.render(underlayOnly()));
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf(Locale.ROOT, "vnis=%d round %d/%d%n", vnis, round, ROUNDS);
            Runnable product = () -> {
                time("cold, new path", () -> frr.apply(n), nFile);
                boolean newFirst = ThreadLocalRandom.current().nextBoolean();
                for (int i = 0; i < 2; i++) {
                    if (newFirst == (i == 0)) {
                        time("add 1, new path", () -> frr.apply(nPlusOne), nPlusOneFile);
                        untimed(() -> frr.apply(n), nFile);
                    } else {
                        timeCommand("add 1, frr-reload", () -> reloadAsTheFullPathDoes(nPlusOneFile), nPlusOneFile);
                        timeCommand(null, () -> reloadAsTheFullPathDoes(nFile), nFile);
                    }
                }
                time("delete all, new path", () -> frr.apply(underlayOnly()), empty);
            };
            Runnable floor = () -> {
                timeCommand("cold, vtysh -f (floor)", () -> vtyshFile(nFile), nFile);
                timeCommand("delete all, vtysh -f (floor)", () -> vtyshFile(deleteFloor), empty);
            };
            if (round % 2 == 1) {
                product.run();
                floor.run();
            } else {
                floor.run();
                product.run();
            }
        }
        report(vnis);
    }

    /** What the full path does for a plain change: test, reload, test for residue. */
    private Commands.Result reloadAsTheFullPathDoes(Path file) {
        FrrReload reload = new FrrReload(settings);
        require(reload.test(file, LONG).ok(), "frr-reload --test " + file);
        Commands.Result reloaded = reload.reload(file, LONG);
        reload.test(file, LONG);
        return reloaded;
    }

    private Commands.Result vtyshFile(Path file) {
        return Commands.run(List.of(settings.vtysh().toString(), "-N", settings.pathspace(), "-f", file.toString()), LONG);
    }

    private void time(String what, Supplier<CompletableFuture<ApplyResult>> apply, Path expected) {
        long start = System.nanoTime();
        ApplyResult result = apply.get().join();
        record(what, start);
        require(result);
        require(result.message().endsWith("command(s) sent"), what + " went through the fallback: " + result.message());
        checkResidue(what, expected);
    }

    private void untimed(Supplier<CompletableFuture<ApplyResult>> apply, Path expected) {
        require(apply.get().join());
        checkResidue("revert", expected);
    }

    private void timeCommand(String what, Supplier<Commands.Result> command, Path expected) {
        long start = System.nanoTime();
        Commands.Result result = command.get();
        if (what != null) {
            record(what, start);
        }
        require(result.ok(), what + ": " + result.output());
        checkResidue(what == null ? "revert" : what, expected);
    }

    private void record(String what, long startNanos) {
        millis.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - startNanos) / 1e6);
    }

    private void checkResidue(String what, Path expected) {
        List<String> residue = FrrTestSupport.residue(settings, expected);
        if (!residue.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %s left %d line(s) for frr-reload to change: %s%n", what, residue.size(),
                    residue.subList(0, Math.min(5, residue.size())));
        }
        residualLines += residue.size();
    }

    private void report(int vnis) {
        System.out.printf(Locale.ROOT, "%-32s %12s   (vnis=%d, medians of %d rounds)%n", "work", "ms", vnis, ROUNDS);
        millis.forEach((what, values) -> System.out.printf(Locale.ROOT, "%-32s %12.1f%n", what, median(values)));
        double add1 = median(millis.get("add 1, frr-reload")) / median(millis.get("add 1, new path"));
        double cold = median(millis.get("cold, new path")) / median(millis.get("cold, vtysh -f (floor)"));
        double delete = median(millis.get("delete all, new path")) / median(millis.get("delete all, vtysh -f (floor)"));
        String line = String.format(Locale.ROOT, "RESULT vnis=%d add1_speedup=%.1f cold_vs_floor=%.2f delete_vs_floor=%.2f "
                + "residual_lines=%d", vnis, add1, cold, delete, residualLines);
        System.out.println(line);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The floor of a delete: every VNI unbound, then every instance and the route map removed, in one batch. */
    private static String deleteLines(FrrConfig config) {
        StringBuilder lines = new StringBuilder();
        config.vrfVnis().forEach(v -> lines.append("vrf ").append(v.vrf()).append("\n no vni ").append(v.vni())
                .append("\nexit-vrf\n"));
        config.vrfRouters().forEach(r -> lines.append("no router bgp ").append(r.asn()).append(" vrf ")
                .append(r.vrf().orElseThrow()).append('\n'));
        lines.append("no route-map ").append(ConfigRenderer.PERMISSIVE_ROUTE_MAP).append(" permit 1\n");
        return lines.toString();
    }

    private static FrrConfig underlayOnly() {
        return l3vnis(0);
    }

    /**
     * The underlay with EVPN and {@code vnis} L3VNIs as the l3vni plugin shapes them: a VRF bound to
     * its VNI, an instance with a host session through permissive route maps, exporting type-5
     * routes. The VRFs need no kernel device: bgpd and zebra take their configuration anyway.
     */
    private static FrrConfig l3vnis(int vnis) {
        BgpRouter underlay = BgpRouter.defaultInstance(UNDERLAY_ASN, ROUTER_ID,
                List.of(BgpNeighbor.of("192.168.11.2", 64512).withAllowAsIn(true).withEvpn(true)), List.of("100.65.0.0/32"),
                true);
        List<VrfVni> bindings = new ArrayList<>();
        List<BgpRouter> vrfs = new ArrayList<>();
        IntStream.range(0, vnis).forEach(i -> {
            String vrf = "vrf" + i;
            String host = "10." + (64 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
            bindings.add(new VrfVni(vrf, 1000 + i));
            vrfs.add(BgpRouter.vrfInstance(UNDERLAY_ASN, vrf, ROUTER_ID,
                    List.of(BgpNeighbor.of(host, 64515).withPermissiveRouteMaps(true)), List.of(host + "/32")));
        });
        return new FrrConfig("pe1", "informational", bindings, List.of(), Optional.of(underlay), vrfs);
    }

    private Path write(String name, String text) throws IOException {
        Path file = scratch.resolve(name);
        Layout.writePrivate(file, text);
        return file;
    }

    private void require(ApplyResult result) {
        require(result.ok(), "apply failed: " + result.message());
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
