package org.openpe.itests.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpe.itests.support.Shell;

/**
 * The scale benchmark of issue 16 (run by {@code scripts/scale/bench.sh}, not a test): one OpenPE
 * node with the leaf of {@link EvpnFabric} and one host speaker accepting a session per L3VNI, driven
 * at 100 VNIs and then at N (default 1,000): N L3VNIs, each with a host leg and session, plus one
 * L2VNI per 10 L3VNIs. Per size: cold start to all Applied (and the part FRR took), one VNI added and
 * removed, a runtime restart (devices recreated, sessions reset, time to the first pass with nothing
 * to change), deleting all; and the JVM's RSS with all applied against the same JVM with none.
 *
 * <p>States are read from the shell over SSH (one multiplexed OpenSSH connection: a {@code bin/client}
 * per poll would start a JVM); times end at the pass that made them true, from the timestamps of
 * the engine's log lines, so polling does not blur them.
 */
public final class ScaleBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ASN = 64514;
    private static final Duration LONG_WAIT = Duration.ofMinutes(40);
    private static final Pattern PASS = Pattern.compile("reconciled in (\\d+) ms: (\\d+ change\\(s\\)|nothing to change)");
    private static final Pattern FRR_APPLY = Pattern.compile("apply FRR configuration \\((\\d+) ms\\)");
    private static final Pattern DEVICE = Pattern.compile("(?m)^(\\d+): ([^:@\\s]+)[@:]");

    private final EvpnFabric fabric;
    private final String router;
    private final OpenPeNode node;
    private final Path sshKey;
    private final Path sshControl;
    private LogTail log;
    /** Whether the runtime's threads are sampled now: only while it surely runs (a SIGQUIT while it starts ends it). */
    private volatile boolean sampling;

    private ScaleBench(EvpnFabric fabric, String router, OpenPeNode node, Path work) {
        this.fabric = fabric;
        this.router = router;
        this.node = node;
        this.sshKey = work.resolve("bench-key");
        this.sshControl = work.resolve("ssh-control");
    }

    /** What one size measured. */
    record Figures(int vnis, double coldS, double coldFrrS, int coldPasses, double add1S, double remove1S,
            int recreated, int devices, int resets, int sessions, double restartS, double restartAppliedS, double deleteS,
            double rssMb) {

        String line() {
            return String.format(Locale.ROOT, "SIZE vnis=%d cold_s=%.1f cold_frr_s=%.1f cold_passes=%d add1_s=%.2f"
                    + " remove1_s=%.2f restart_recreated=%d/%d restart_resets=%d/%d restart_s=%.1f restart_applied_s=%.1f"
                    + " delete_s=%.1f rss_all_mb=%.0f", vnis, coldS, coldFrrS, coldPasses, add1S, remove1S, recreated,
                    devices, resets, sessions, restartS, restartAppliedS, deleteS, rssMb);
        }
    }

    public static void main(String[] args) throws Exception {
        int vnis = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<Integer> sizes = vnis <= 100 ? List.of(vnis) : List.of(100, vnis);
        Path work = Files.createTempDirectory("openpe-scale");
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        EvpnFabric fabric = EvpnFabric.create(1, ASN);
        String router = "scr-" + suffix;
        OpenPeNode node = OpenPeNode.unpack("scale", work, fabric.hosts.get(0).name());
        ScaleBench bench = new ScaleBench(fabric, router, node, work);
        int status = 1;
        try {
            bench.setUp();
            double idleMb = bench.rssMb();
            say("idle: RSS %.0f MB with no VNI", idleMb);
            List<Figures> all = new ArrayList<>();
            for (int size : sizes) {
                Figures f = bench.measure(size);
                all.add(f);
                System.out.println(f.line());
            }
            Figures first = all.get(0);
            Figures last = all.get(all.size() - 1);
            System.out.println(String.format(Locale.ROOT, "IDLE rss_idle_mb=%.0f", idleMb));
            System.out.println(String.format(Locale.ROOT, "RATIOS cold=%.2f add1=%.2f remove1=%.2f restart=%.2f delete=%.2f",
                    last.coldS() / first.coldS(), last.add1S() / first.add1S(), last.remove1S() / first.remove1S(),
                    last.restartS() / first.restartS(), last.deleteS() / first.deleteS()));
            System.out.println(String.format(Locale.ROOT, "RESULT vnis=%d cold_s=%.1f add1_s=%.2f restart_recreated=%d"
                    + " restart_resets=%d rss_over_idle_mb=%.0f growth_100_to_N=%.2f", last.vnis(), last.coldS(),
                    last.add1S(), last.recreated(), last.resets(), last.rssMb() - idleMb, last.coldS() / first.coldS()));
            status = 0;
        } finally {
            bench.tearDown();
        }
        System.exit(status);
    }

    private void setUp() throws Exception {
        fabric.speakers.get(0).vtysh("configure terminal", "router bgp " + EvpnFabric.SPEAKER_ASN,
                "neighbor hosts peer-group", "neighbor hosts remote-as " + ASN, "bgp listen limit 65535",
                "bgp listen range 172.16.0.0/12 peer-group hosts", "address-family ipv4 unicast",
                "neighbor hosts activate", "neighbor hosts allowas-in", "exit-address-family");
        node.writeConfig("org.openpe.node.cfg", "nodeIndex = 0\nrouterNamespace = " + router + "\n");
        node.writeConfig("org.openpe.underlay-fabric.cfg", EvpnFabric.underlay(ASN));
        Shell.ok("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", sshKey.toString());
        String publicKey = Files.readString(sshKey.resolveSibling("bench-key.pub")).split(" ")[1];
        node.writeConfig("keys.properties", "bench=" + publicKey + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        long started = System.nanoTime();
        node.start();
        node.awaitStarted();
        say("OpenPE started in %.0f s", seconds(started));
        log = new LogTail(node.home().resolve("data/log/karaf.log"));
        copyLogsEvery(Duration.ofSeconds(15));
        await("the underlay Applied and the leaf's session Established", LONG_WAIT, 1000,
                () -> "Applied".equals(state("underlay", "fabric")) && !established(fabric.leafFrr, "l2vpn evpn").isEmpty());
        awaitQuiet();
    }

    /**
     * Copies the runtime's logs to the reports directory while the benchmark runs (read them during a
     * long phase); with {@code -Dopenpe.scale.sample=true} also makes the JVM print its threads into
     * console.log (SIGQUIT) every 5 s of a cold phase: where it spends its time.
     */
    private void copyLogsEvery(Duration period) {
        Path reports = Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir")));
        boolean sample = Boolean.getBoolean("openpe.scale.sample");
        Thread copier = new Thread(() -> {
            long rounds = 0;
            while (true) {
                try {
                    Thread.sleep(sample ? 5000 : period.toMillis());
                    if (sample && sampling) {
                        Shell.run("kill", "-QUIT", String.valueOf(node.pid()));
                    }
                    if (!sample || ++rounds % 3 == 0) {
                        for (String name : List.of("data/log/karaf.log", "console.log")) {
                            Path from = node.home().resolve(name);
                            if (Files.exists(from)) {
                                Files.copy(from, reports.resolve("scale-running-" + from.getFileName()),
                                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // the node is restarting or gone: try again next time
                }
            }
        }, "scale-log-copier");
        copier.setDaemon(true);
        copier.start();
    }

    private Figures measure(int size) throws Exception {
        say("--- %d L3VNIs and %d L2VNIs ---", size, size / 10);
        Set<String> routerBaseline = devices(router).keySet();
        Set<String> hostBaseline = devices(fabric.hosts.get(0).name()).keySet();

        long mark = log.mark();
        sampling = true;
        Instant coldStart = Instant.now();
        for (int i = 0; i < size; i++) {
            node.writeConfig(l3File(i), l3vni(i));
            if (i % 10 == 0) {
                node.writeConfig(l2File(i / 10), l2vni(i / 10));
            }
        }
        say("%d files written in %.1f s", size + size / 10, seconds(coldStart));
        int expected = size + size / 10;
        int[] seen = {-1};
        // each poll lists every resource: at 1,000 that is work for the runtime the cold phase should not pay every second
        Instant allApplied = awaitPass("all " + expected + " VNIs Applied", size > 100 ? 3000 : 1000, () -> {
            int applied = appliedVnis();
            if (applied != seen[0]) {
                say("  %d of %d Applied after %.0f s", applied, expected, seconds(coldStart));
                seen[0] = applied;
            }
            return applied == expected;
        });
        sampling = false;
        List<String> coldLines = log.linesSince(mark);
        double coldS = between(coldStart, allApplied);
        double frrS = sum(coldLines, FRR_APPLY) / 1000.0;
        int passes = (int) coldLines.stream().filter(l -> PASS.matcher(l).find() && !l.contains("nothing to change")).count();
        say("cold: %.1f s (FRR %.1f s, %d passes)", coldS, frrS, passes);
        int[] sessions = {-1};
        await(size + " host sessions Established at the speaker", LONG_WAIT, 2000, () -> {
            int up = established(fabric.speakers.get(0), "ipv4 unicast").size();
            if (up != sessions[0]) {
                say("  %d of %d host sessions Established after %.0f s", up, size, seconds(coldStart));
                sessions[0] = up;
            }
            return up >= size;
        });
        awaitQuiet();
        double rssMb = rssMb();
        say("all applied: RSS %.0f MB", rssMb);

        Instant addStart = Instant.now();
        long addMark = log.mark();
        node.writeConfig(l3File(size), l3vni(size));
        Instant added = awaitPass("one more L3VNI Applied", 1000, () -> "Applied".equals(state("l3vni", "v" + size)));
        double add1S = between(addStart, added);
        passes(addMark, addStart);
        awaitQuiet();
        Instant removeStart = Instant.now();
        node.deleteConfig(l3File(size));
        Instant removed = awaitPass("that L3VNI gone", 1000,
                () -> state("l3vni", "v" + size) == null && !devices(router).containsKey("v" + size));
        double remove1S = between(removeStart, removed);
        say("add one: %.2f s, remove one: %.2f s", add1S, remove1S);
        awaitQuiet();

        Restart restart = restart(expected);

        Instant deleteStart = Instant.now();
        for (int i = 0; i < size; i++) {
            node.deleteConfig(l3File(i));
            if (i % 10 == 0) {
                node.deleteConfig(l2File(i / 10));
            }
        }
        String[] left = {""};
        Instant deleted = awaitPass("no VNI device and no VRF left", Duration.ofMinutes(15), 1000, () -> {
            Set<String> routerLeft = new java.util.TreeSet<>(devices(router).keySet());
            routerLeft.removeAll(routerBaseline);
            Set<String> hostLeft = new java.util.TreeSet<>(devices(fabric.hosts.get(0).name()).keySet());
            hostLeft.removeAll(hostBaseline);
            List<String> vrfs = frrVrfs();
            String now = routerLeft.size() + " router devices, " + hostLeft.size() + " host devices, " + vrfs.size()
                    + " FRR VRFs left" + (routerLeft.size() + hostLeft.size() + vrfs.size() > 5 ? ""
                            : ": " + routerLeft + " " + hostLeft + " " + vrfs);
            if (!now.equals(left[0])) {
                say("  %s", now);
                left[0] = now;
            }
            return routerLeft.isEmpty() && hostLeft.isEmpty() && vrfs.isEmpty();
        });
        double deleteS = deleted == null ? Double.NaN : between(deleteStart, deleted);
        say("delete all: %.1f s", deleteS);
        awaitQuiet();
        return new Figures(size, coldS, frrS, passes, add1S, remove1S, restart.recreated, restart.devices, restart.resets,
                restart.sessions, restart.seconds, restart.appliedSeconds, deleteS, rssMb);
    }

    /** Prints the passes logged since the mark, their times relative to {@code since}. */
    private void passes(long mark, Instant since) {
        for (String line : log.linesSince(mark)) {
            if (PASS.matcher(line).find() || FRR_APPLY.matcher(line).find()) {
                Instant at = LogTail.time(line);
                say("  %+.2f s: %s", at == null ? 0 : between(since, at), line.substring(line.lastIndexOf(" - ") + 3));
            }
        }
    }

    private record Restart(int recreated, int devices, int resets, int sessions, double seconds, double appliedSeconds) {}

    /** Stops and starts the runtime; compares ifindexes and session uptimes before and after. */
    private Restart restart(int vnis) throws Exception {
        Map<String, String> before = allDevices();
        Map<String, Long> uptimes = sessionUptimes();
        long readAt = System.nanoTime();
        node.stop(node.home().resolve("stopped-logs"));
        long mark = log.mark();
        Instant start = Instant.now();
        node.start();
        Instant inSync = awaitLog("the restarted runtime's first pass with nothing to change", mark,
                line -> line.contains("nothing to change"));
        double seconds = between(start, inSync);
        Map<String, String> after = allDevices();
        int recreated = (int) before.entrySet().stream().filter(e -> !e.getValue().equals(after.get(e.getKey()))).count();
        Map<String, Long> uptimesAfter = sessionUptimes();
        long elapsedMs = (System.nanoTime() - readAt) / 1_000_000;
        int resets = (int) uptimes.entrySet().stream()
                .filter(e -> uptimesAfter.getOrDefault(e.getKey(), -1L) < e.getValue() + elapsedMs - 10_000)
                .count();
        say("restart: in sync after %.1f s; %d of %d devices recreated, %d of %d sessions reset", seconds, recreated,
                before.size(), resets, uptimes.size());
        Instant applied = await("all VNIs Applied after the restart", LONG_WAIT, 1000, () -> appliedVnis() == vnis);
        double appliedSeconds = between(start, applied);
        say("restart: all Applied %.1f s after the start", appliedSeconds);
        return new Restart(recreated, before.size(), resets, uptimes.size(), seconds, appliedSeconds);
    }

    /** Devices of the router and host namespaces: namespace/name to ifindex. */
    private Map<String, String> allDevices() {
        Map<String, String> all = new LinkedHashMap<>();
        devices(router).forEach((name, index) -> all.put("router/" + name, index));
        devices(fabric.hosts.get(0).name()).forEach((name, index) -> all.put("host/" + name, index));
        return all;
    }

    /** Established sessions of the leaf and the speaker: peer to uptime in ms. */
    private Map<String, Long> sessionUptimes() {
        Map<String, Long> uptimes = new HashMap<>();
        established(fabric.leafFrr, "l2vpn evpn").forEach((peer, up) -> uptimes.put("leaf " + peer, up));
        established(fabric.speakers.get(0), "ipv4 unicast").forEach((peer, up) -> uptimes.put("speaker " + peer, up));
        return uptimes;
    }

    private static Map<String, Long> established(FrrInstance frr, String family) {
        JsonNode peers = EvpnFabric.json(frr, "show bgp " + family + " summary json").path("peers");
        Map<String, Long> up = new HashMap<>();
        peers.fields().forEachRemaining(p -> {
            if ("Established".equals(p.getValue().path("state").asText())) {
                up.put(p.getKey(), p.getValue().path("peerUptimeMsec").asLong());
            }
        });
        return up;
    }

    /**
     * The VRFs FRR still runs: BGP instances other than the default one, and VRFs zebra has active
     * (zebra lists a VRF whose device is gone as inactive until it forgets it).
     */
    private List<String> frrVrfs() {
        List<String> vrfs = new ArrayList<>();
        EvpnFabric.json(FrrInstance.adopt(router), "show bgp vrf all summary json").fieldNames().forEachRemaining(name -> {
            if (!name.equals("default")) {
                vrfs.add("bgp " + name);
            }
        });
        Shell.ok("vtysh", "-N", router, "-c", "show vrf").lines()
                .filter(l -> l.startsWith("vrf ") && !l.contains("inactive")).forEach(vrfs::add);
        return vrfs;
    }

    private static Map<String, String> devices(String namespace) {
        Map<String, String> devices = new LinkedHashMap<>();
        Matcher m = DEVICE.matcher(Shell.ok("ip", "-n", namespace, "-o", "link", "show"));
        while (m.find()) {
            devices.put(m.group(2), m.group(1));
        }
        return devices;
    }

    private int appliedVnis() {
        JsonNode rows;
        try {
            rows = JSON.readTree(shell("openpe:list --json"));
        } catch (IOException e) {
            return -1; // the shell did not answer
        }
        int applied = 0;
        for (JsonNode row : rows) {
            String type = row.path("type").asText();
            if ((type.equals("l3vni") || type.equals("l2vni")) && "Applied".equals(row.path("state").asText())) {
                applied++;
            }
        }
        return applied;
    }

    /** The state of one resource, or null when it is not configured. */
    private String state(String type, String name) {
        String out = shell("openpe:show " + type + " " + name + " --json");
        try {
            return JSON.readTree(out).path("status").path("state").asText(null);
        } catch (IOException e) {
            return null; // not configured: the command printed an error, not JSON
        }
    }

    /** One shell command over the multiplexed SSH connection into the node's host namespace. */
    private String shell(String command) {
        return Shell.run(List.of("nsenter", "--net=/var/run/netns/" + fabric.hosts.get(0).name(), "ssh", "-q",
                "-i", sshKey.toString(), "-p", "8101", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "ControlMaster=auto", "-o", "ControlPath=" + sshControl, "-o", "ControlPersist=600",
                "-o", "BatchMode=yes", "bench@127.0.0.1", command)).output();
    }

    private double rssMb() throws IOException {
        Shell.Result gc = Shell.run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(node.pid()), "GC.run");
        if (gc.exitCode() != 0) {
            say("jcmd GC.run failed (RSS measured without it): %s", gc.output().strip());
        }
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS of " + node.pid());
    }

    /**
     * Waits until the engine is in sync: its last logged pass found nothing to change (it logs the
     * first such pass after passes with changes, and no further one until something changed).
     */
    private void awaitQuiet() {
        await("a pass with nothing to change", LONG_WAIT, 1000,
                () -> log.lastPass().map(l -> l.contains("nothing to change")).orElse(false));
    }

    /**
     * Waits until the condition holds; returns when the pass that made it true ended: the last pass
     * logged before the condition was seen (or the time it was seen, when no pass was logged since).
     */
    private Instant awaitPass(String what, long pollMillis, BooleanSupplier condition) throws Exception {
        return awaitPass(what, LONG_WAIT, pollMillis, condition);
    }

    /** Like {@link #awaitPass(String, long, BooleanSupplier)}; null (said) when the condition never held. */
    private Instant awaitPass(String what, Duration timeout, long pollMillis, BooleanSupplier condition) {
        long mark = log.mark();
        Instant seen;
        try {
            seen = await(what, timeout, pollMillis, condition);
        } catch (AssertionError e) {
            if (timeout.equals(LONG_WAIT)) {
                throw e;
            }
            say("%s", e.getMessage());
            return null;
        }
        Instant end = null;
        for (String line : log.linesSince(mark)) {
            Instant at = LogTail.time(line);
            if (at != null && !at.isAfter(seen) && PASS.matcher(line).find() && !line.contains("nothing to change")) {
                end = at;
            }
        }
        return end != null ? end : seen;
    }

    private Instant awaitLog(String what, long mark, java.util.function.Predicate<String> wanted) {
        List<Instant> found = new ArrayList<>();
        await(what, LONG_WAIT, 1000, () -> {
            for (String line : log.linesSince(mark)) {
                if (wanted.test(line)) {
                    found.add(LogTail.time(line));
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static String lastProblem;

    private static Instant await(String what, Duration timeout, long pollMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return Instant.now();
                }
            } catch (RuntimeException | AssertionError e) {
                // not observable yet (the shell restarting, FRR busy): try again
                String problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                if (!problem.equals(lastProblem)) {
                    say("  (%s: %s)", what, problem);
                    lastProblem = problem;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private static long sum(List<String> lines, Pattern pattern) {
        long total = 0;
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                total += Long.parseLong(m.group(1));
            }
        }
        return total;
    }

    private static String l3File(int i) {
        return "org.openpe.l3vni-v" + i + ".cfg";
    }

    private static String l2File(int j) {
        return "org.openpe.l2vni-l" + j + ".cfg";
    }

    /** VNI 10000+i in VRF v{i}, its host session in 172.16.0.0/12 (the speaker's listen range). */
    private static String l3vni(int i) {
        return """
                vni = %d
                hostsession.asn = %d
                hostsession.hostasn = %d
                hostsession.localcidr.ipv4 = 172.%d.%d.0/24
                """.formatted(10000 + i, ASN, EvpnFabric.SPEAKER_ASN, 16 + i / 256, i % 256);
    }

    /** VNI 20000+j in the VRF of L3VNI 10j, with an autocreated host bridge and a gateway of its own. */
    private static String l2vni(int j) {
        return """
                vni = %d
                vrf = v%d
                hostmaster.autocreate = true
                l2gatewayip = 10.%d.%d.1/24
                """.formatted(20000 + j, 10 * j, 64 + j / 256, j % 256);
    }

    private void tearDown() {
        try {
            Shell.run("ssh", "-o", "ControlPath=" + sshControl, "-O", "exit", "bench@127.0.0.1");
            node.close();
        } catch (Exception e) {
            System.err.println("stopping the node failed: " + e);
        }
        FrrInstance.adopt(router).close();
        ScratchNamespace.adopt(router).close();
        fabric.close();
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double seconds(Instant since) {
        return between(since, Instant.now());
    }

    private static void say(String format, Object... args) {
        System.out.println("[scale] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** The runtime's karaf.log, read from an offset on. */
    private static final class LogTail {
        private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d),(\\d{3})");
        private final Path file;
        private long passOffset;
        private String lastPass;

        LogTail(Path file) {
            this.file = file;
        }

        /** The last line logging a reconcile pass so far. */
        java.util.Optional<String> lastPass() {
            long end = mark();
            List<String> lines = lines(passOffset, end);
            passOffset = end;
            for (String line : lines) {
                if (PASS.matcher(line).find()) {
                    lastPass = line;
                }
            }
            return java.util.Optional.ofNullable(lastPass);
        }

        long mark() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        List<String> linesSince(long offset) {
            return lines(offset, mark());
        }

        private List<String> lines(long offset, long length) {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                if (length < offset) {
                    offset = 0; // rolled over
                }
                byte[] bytes = new byte[(int) (length - offset)];
                in.seek(offset);
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        static Instant time(String line) {
            Matcher m = TIMESTAMP.matcher(line);
            if (!m.find()) {
                return null;
            }
            return LocalDateTime.parse(m.group(1)).plusNanos(Long.parseLong(m.group(2)) * 1_000_000)
                    .atZone(ZoneId.systemDefault()).toInstant();
        }
    }
}
