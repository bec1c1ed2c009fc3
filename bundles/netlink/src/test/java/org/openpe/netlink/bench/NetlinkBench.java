package org.openpe.netlink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.NetNamespaces;
import org.openpe.netlink.Netlink;
import org.openpe.netlink.NetlinkHandle;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * Java rtnetlink against {@code ip -batch} on the same work, inside a dedicated throw-away namespace.
 * Methods run interleaved in shuffled order for several rounds (default 5, the slow scenarios 3); the table
 * shows medians over rounds. Run with
 * {@code bundles/netlink/bench.sh [rounds] [dump]} (as root; "dump" runs only the dump scenario). Not a test.
 */
public final class NetlinkBench {
    private static final int VETHS = 1000;
    private static final int BRIDGES = 1000;
    private static final int VXLANS = 500;
    private static final int DUMP_PAIRS = 1000;
    private static final int DUMP_REPEATS = 20;
    private static final int SLOW_ROUNDS = 3;
    private static final int TEARDOWN = 1000;
    /**
     * Bridges are deleted in groups of this size: each bridge delete holds RTNL for an RCU barrier (~16 ms),
     * so a single group of 1000 would stall every other RTNL user on the machine for ~16 s.
     */
    private static final int BRIDGE_CLEANUP_CHUNK = 200;
    private static final int FIRST_BRIDGE_GROUP = 10;
    private static final long SETTLE_MILLIS = 1000;

    private final String ns;
    private final NetlinkHandle h;
    private final Path scratch;
    private final boolean dumpOnly;
    private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

    private NetlinkBench(String ns, NetlinkHandle h, Path scratch, boolean dumpOnly) {
        this.ns = ns;
        this.h = h;
        this.scratch = scratch;
        this.dumpOnly = dumpOnly;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean dumpOnly = args.length > 1 && args[1].equals("dump");
        if (args.length > 1 && !dumpOnly) {
            throw new IllegalArgumentException("unknown scenario " + args[1] + " (the only one selectable is: dump)");
        }
        String ns = "nlt-bench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        Path scratch = Files.createTempDirectory("nlbench");
        NetNamespaces.create(ns);
        ShutdownCleanup.register(ns, () -> {
            if (NetNamespaces.exists(ns)) {
                NetNamespaces.delete(ns);
            }
        });
        long start = System.nanoTime();
        try (NetlinkHandle h = Netlink.open(ns)) {
            NetlinkBench bench = new NetlinkBench(ns, h, scratch, dumpOnly);
            bench.warmUp();
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "round %d/%d%n", round, rounds);
                bench.round(round);
            }
            bench.print();
        } finally {
            NetNamespaces.delete(ns);
            ShutdownCleanup.forget(ns);
            for (Path file : Files.list(scratch).toList()) {
                Files.delete(file);
            }
            Files.delete(scratch);
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void warmUp() throws Exception {
        if (!dumpOnly) {
            warmUpCreates();
        }
        // Dump a namespace as full as the measured one, so that the first round does not time the JIT.
        createJavaBatch("veth", DUMP_PAIRS, this::veth, 2);
        for (int i = 0; i < 100; i++) {
            h.links();
        }
        h.linkDeleteGroup(2);
        settle();
    }

    private void warmUpCreates() throws Exception {
        for (int i = 0; i < 3; i++) {
            createJava("veth", 200, this::veth, 1);
            h.linkDeleteGroup(1);
            createJavaBatch("vxlan", 200, this::vxlan, 1);
            h.linkDeleteGroup(1);
        }
        // Bridges too: without this the first measured bridge round still runs partly interpreted.
        createJava("bridge", 200, this::bridge, 1);
        cleanUp("bridge", 200);
    }

    /**
     * One round of every scenario. The slow ones (bridge creates, whose clean-up waits ~20 s on RCU, and the
     * ~17 s one-delete-per-device teardown) only run in the first {@link #SLOW_ROUNDS} rounds.
     */
    private void round(int round) throws Exception {
        if (dumpOnly) {
            dumpScenario();
            return;
        }
        createScenario("create 1000 veth pairs", "veth", VETHS, this::veth);
        if (round <= SLOW_ROUNDS) {
            createScenario("create 1000 bridges", "bridge", BRIDGES, this::bridge);
        }
        createScenario("create 500 vxlans", "vxlan", VXLANS, this::vxlan);
        dumpScenario();
        if (round <= SLOW_ROUNDS) {
            teardownScenario();
        }
    }

    // ---------------------------------------------------------------- creates

    private void createScenario(String scenario, String kind, int count, IntFunction<LinkSpec> spec) throws Exception {
        List<Runnable> methods = new ArrayList<>(List.of(
                () -> record(scenario, "java, 1 request per message", createJava(kind, count, spec, 1)),
                () -> record(scenario, "ip -batch", createIpBatch(kind, count, 1))));
        // Every bridge delete waits for RCU barriers under RTNL (~16-30 ms each, even when deleted by group or
        // with the namespace), so cleaning up after a bridge run costs ~20-30 s: bridges skip the batched
        // variant, which gains nothing for creates anyway (kernel-bound, see veth and vxlan).
        if (!kind.equals("bridge")) {
            methods.add(() -> record(scenario, "java, batched (200 per send)", createJavaBatch(kind, count, spec, 1)));
        }
        Collections.shuffle(methods);
        for (Runnable method : methods) {
            method.run();
            check(kind, count);
            cleanUp(kind, count);
        }
    }

    private double createJava(String kind, int count, IntFunction<LinkSpec> spec, int group) {
        List<LinkSpec> specs = IntStream.range(0, count).mapToObj(spec).toList();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            h.linkAdd(specs.get(i), LinkOptions.none().withGroup(groupOf(kind, i, group)));
        }
        return millisSince(start);
    }

    private double createJavaBatch(String kind, int count, IntFunction<LinkSpec> spec, int group) {
        List<LinkSpec> specs = IntStream.range(0, count).mapToObj(spec).toList();
        long start = System.nanoTime();
        h.linkAddAll(specs, LinkOptions.none().withGroup(group));
        return millisSince(start);
    }

    private double createIpBatch(String kind, int count, int group) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int g = groupOf(kind, i, group);
            batch.append(switch (kind) {
                case "veth" -> "link add va" + i + " group " + g + " type veth peer name vb" + i;
                case "bridge" -> "link add br" + i + " group " + g + " type bridge";
                default -> "link add vx" + i + " group " + g + " type vxlan id " + (i + 1) + " local 192.0.2.1 dstport 4789 nolearning";
            }).append('\n');
        }
        Path file = write("create-" + kind, batch);
        long start = System.nanoTime();
        run("ip", "-n", ns, "-batch", file.toString());
        return millisSince(start);
    }

    private LinkSpec veth(int i) {
        return new LinkSpec.Veth("va" + i, "vb" + i);
    }

    private LinkSpec bridge(int i) {
        return new LinkSpec.Bridge("br" + i);
    }

    private LinkSpec vxlan(int i) {
        return new LinkSpec.Vxlan("vx" + i, i + 1, Optional.of(address("192.0.2.1")), 4789, false, Optional.empty());
    }

    private static int groupOf(String kind, int i, int group) {
        return kind.equals("bridge") ? FIRST_BRIDGE_GROUP + i / BRIDGE_CLEANUP_CHUNK : group;
    }

    private void check(String kind, int count) {
        String prefix = switch (kind) {
            case "veth" -> "va";
            case "bridge" -> "br";
            default -> "vx";
        };
        long found = h.links().stream().filter(l -> l.name().startsWith(prefix) && l.kind().equals(kind)).count();
        if (found != count) {
            throw new IllegalStateException("expected " + count + " " + kind + " devices, found " + found);
        }
    }

    private void cleanUp(String kind, int count) {
        if (kind.equals("bridge")) {
            for (int g = FIRST_BRIDGE_GROUP; g < FIRST_BRIDGE_GROUP + (count + BRIDGE_CLEANUP_CHUNK - 1) / BRIDGE_CLEANUP_CHUNK; g++) {
                h.linkDeleteGroup(g);
            }
            settle(3 * SETTLE_MILLIS);
        } else {
            h.linkDeleteGroup(1);
            settle();
        }
    }

    private static void settle() {
        settle(SETTLE_MILLIS);
    }

    /** Lets the kernel finish the deferred work of a mass delete (RCU callbacks, frees) before the next timing. */
    private static void settle(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- dump

    private void dumpScenario() throws Exception {
        createJavaBatch("veth", DUMP_PAIRS, this::veth, 2);
        settle();
        int links = h.links().size();
        String scenario = "dump " + links + " links";
        Runnable java = () -> {
            if (h.links().size() != links) {
                throw new IllegalStateException("dump lost links");
            }
        };
        Runnable ip = () -> run("ip", "-n", ns, "-o", "link", "show");
        // Alternate the two in random order per repetition so that drift in machine load hits both alike.
        double[] javaTimes = new double[DUMP_REPEATS];
        double[] ipTimes = new double[DUMP_REPEATS];
        for (int i = 0; i < DUMP_REPEATS; i++) {
            boolean javaFirst = ThreadLocalRandom.current().nextBoolean();
            if (javaFirst) {
                javaTimes[i] = time(java);
            }
            ipTimes[i] = time(ip);
            if (!javaFirst) {
                javaTimes[i] = time(java);
            }
        }
        record(scenario, "java dump + parse", median(javaTimes));
        record(scenario, "ip -o link show", median(ipTimes));
        h.linkDeleteGroup(2);
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return millisSince(start);
    }

    // ---------------------------------------------------------------- teardown

    private void teardownScenario() {
        String scenario = "teardown 1000 vxlans";
        List<String> names = IntStream.range(0, TEARDOWN).mapToObj(i -> "vx" + i).toList();
        List<Runnable> methods = new ArrayList<>(List.of(
                () -> {
                    createJavaBatch("vxlan", TEARDOWN, this::vxlan, 3);
                    settle();
                    StringBuilder batch = new StringBuilder();
                    names.forEach(name -> batch.append("link del ").append(name).append('\n'));
                    Path file = write("delete", batch);
                    long start = System.nanoTime();
                    run("ip", "-n", ns, "-batch", file.toString());
                    record(scenario, "ip -batch, one delete per device", millisSince(start));
                },
                () -> {
                    createJavaBatch("vxlan", TEARDOWN, this::vxlan, 3);
                    settle();
                    long start = System.nanoTime();
                    h.linkDeleteGroup(3);
                    record(scenario, "java, one group delete", millisSince(start));
                },
                () -> {
                    createJavaBatch("vxlan", TEARDOWN, this::vxlan, 3);
                    settle();
                    long start = System.nanoTime();
                    h.linkDeleteAll(names, 16);
                    record(scenario, "java, 16 parallel sockets", millisSince(start));
                }));
        Collections.shuffle(methods);
        for (Runnable method : methods) {
            method.run();
            settle();
            if (h.links().size() != 1) {
                throw new IllegalStateException("teardown left devices behind: " + h.links().size());
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void record(String scenario, String method, double millis) {
        results.computeIfAbsent(scenario, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new ArrayList<>()).add(millis);
        System.out.printf(Locale.ROOT, "  %-24s %-34s %9.1f ms%n", scenario, method, millis);
    }

    private void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %-34s %10s %8s %9s %8s %9s  %s%n", "scenario", "method", "median ms", "vs ip",
                "ops/s", "best ms", "best vs", "rounds (ms)");
        for (Map.Entry<String, Map<String, List<Double>>> scenario : results.entrySet()) {
            List<Double> ip = scenario.getValue().entrySet().stream().filter(e -> e.getKey().startsWith("ip "))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            int ops = Integer.parseInt(scenario.getKey().replaceAll("\\D+", " ").trim().split(" ")[0]);
            boolean dump = scenario.getKey().startsWith("dump");
            for (Map.Entry<String, List<Double>> method : scenario.getValue().entrySet()) {
                double median = median(method.getValue());
                double best = Collections.min(method.getValue());
                System.out.printf(Locale.ROOT, "%-24s %-34s %10.1f %7.2fx %9s %8.1f %8.2fx  %s%n", scenario.getKey(),
                        method.getKey(), median, median(ip) / median,
                        dump ? "-" : String.format(Locale.ROOT, "%.0f", ops / (median / 1000)), best,
                        Collections.min(ip) / best,
                        method.getValue().stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
            }
        }
        System.out.println("vs ip = ip's time / this method's time (above 1 = faster than ip); best = fastest round,"
                + " the least disturbed by other RTNL users on a shared machine");
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private Path write(String name, CharSequence content) {
        try {
            return Files.writeString(scratch.resolve(name + ".batch"), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.net.InetAddress address(String text) {
        try {
            return java.net.InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
