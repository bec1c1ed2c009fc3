package org.openpe.frr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openpe.frr.DaemonState;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemons of one pathspace: found through their pid files, started inside the router
 * namespace with {@code nsenter --net} (not {@code ip netns exec}, whose private mount namespace
 * would hide namespaces created later), outside the service's cgroup under systemd, stopped by pid.
 */
final class Daemons {

    /** In start order: zebra first, the others connect to it. */
    static final List<String> NAMES = List.of("zebra", "bgpd", "staticd", "bfdd");

    private static final Logger LOG = LoggerFactory.getLogger(Daemons.class);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    /** How long the launcher's last output may trail its exit. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The daemons' open-file limit, soft and hard. FRR opens sockets per VRF (bfdd six, bgpd a listener per
     * address family of each VRF instance, besides one per session), and what a daemon inherits (the kernel's
     * 1024/4096 without systemd, Debian's MAX_FDS example of 1024) runs out near 680 VRFs: bfdd then dies
     * at each start. 65536 is room for several thousand VNIs; FRR sizes its poll tables by it. Raising the hard
     * limit takes CAP_SYS_RESOURCE: without it (a container) the daemon gets the highest limit it may have.
     */
    static final int OPEN_FILES = 65536;
    private static final String RAISE_OPEN_FILES = "ulimit -n " + OPEN_FILES + " 2>/dev/null || ulimit -n \"$(ulimit -H -n)\"; exec \"$@\"";

    private final FrrSettings settings;
    private final DaemonScope scope;
    private volatile OptionalInt zebraGracefulRestart = OptionalInt.empty();

    Daemons(FrrSettings settings) {
        this(settings, DaemonScope.detect());
    }

    Daemons(FrrSettings settings, DaemonScope scope) {
        this.settings = settings;
        this.scope = scope;
    }

    /**
     * With BGP graceful restart on, zebra is (re)started with {@code -K <restart time>}: it keeps the
     * routes it finds in the kernel that long instead of flushing them, so that forwarding goes on
     * while bgpd relearns them. Takes effect at zebra's next start.
     */
    void gracefulRestart(OptionalInt restartTime) {
        zebraGracefulRestart = restartTime;
    }

    Path namespacePath() {
        return Path.of("/var/run/netns", settings.namespace());
    }

    List<DaemonState> states() {
        return NAMES.stream().map(d -> new DaemonState(d, runningPid(d))).toList();
    }

    /** The pid of {@code daemon} when its pid file names a live process that is this pathspace's daemon. */
    OptionalLong runningPid(String daemon) {
        Path pidFile = settings.pathspaceRunDir().resolve(daemon + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return isDaemon(pid, daemon) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Alive (zombies count as dead) and started as {@code <daemon> ... -N <pathspace>}. */
    private boolean isDaemon(long pid, String daemon) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state == 'Z' || state == 'X') {
                return false;
            }
            List<String> argv = Arrays.asList(
                    new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                            .split("\0"));
            int n = argv.indexOf("-N");
            return !argv.isEmpty() && Path.of(argv.get(0)).getFileName().toString().equals(daemon)
                    && n >= 0 && n + 1 < argv.size() && argv.get(n + 1).equals(settings.pathspace());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether {@code pid} runs in the router namespace (its net namespace is the one bound at /var/run/netns).
     *
     * @throws FrrException when this process may not tell: reading the net namespace of a daemon
     *     running as user frr needs CAP_SYS_PTRACE
     */
    boolean inRouterNamespace(long pid) {
        Path theirs = Path.of("/proc", Long.toString(pid), "ns", "net");
        try {
            return Files.getAttribute(namespacePath(), "unix:ino").equals(Files.getAttribute(theirs, "unix:ino"));
        } catch (AccessDeniedException e) {
            throw new FrrException("cannot tell the network namespace of FRR pid " + pid + ": reading " + theirs
                    + " needs CAP_SYS_PTRACE (the daemons run as user frr); is it in the service's CapabilityBoundingSet?", e);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts {@code daemon} in the router namespace (in a systemd scope of its own when systemd runs
     * the machine, see {@link DaemonScope}) and waits until it runs.
     *
     * @return its pid
     * @throws FrrException with the daemon's start-up output when it does not come up
     */
    long start(String daemon) {
        if (!Files.exists(namespacePath())) {
            throw new FrrException("cannot start " + daemon + ": router namespace " + settings.namespace() + " does not exist ("
                    + namespacePath() + ")");
        }
        List<String> command = command(daemon);
        try {
            Launch launch = launch(daemon, scope.wrap(settings.pathspace(), daemon, command));
            if (launch.exitCode() != 0 && scope.isSystemd() && launch.output().contains(DaemonScope.SCOPE_FAILED)) {
                LOG.warn("systemd gave FRR {} no scope of its own ({}); starting it in OpenPE's cgroup, where stopping the"
                        + " service kills it", daemon, launch.output().trim());
                launch = launch(daemon, command);
            }
            if (launch.exitCode() != 0) {
                throw new FrrException(daemon + " failed to start (exit " + launch.exitCode() + "): " + launch.lastLines());
            }
            return awaitRunning(daemon, launch);
        } catch (IOException e) {
            throw new FrrException("cannot start " + daemon + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrrException("interrupted while starting " + daemon, e);
        }
    }

    List<String> command(String daemon) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", RAISE_OPEN_FILES, "frr-open-files",
                "nsenter", "--net=" + namespacePath(),
                settings.binDir().resolve(daemon).toString(), "-N", settings.pathspace(), "-d", "-F", "traditional",
                "-P", "0"));
        if (daemon.equals("zebra")) {
            command.addAll(List.of("-s", "90000000")); // netlink receive buffer, as Debian's daemons file
            zebraGracefulRestart.ifPresent(seconds -> command.addAll(List.of("-K", Integer.toString(seconds))));
        }
        command.addAll(List.of("--log", "file:" + settings.pathspaceLogDir().resolve(daemon + ".log"),
                "--log-level", settings.logLevel()));
        return command;
    }

    /** Runs the launcher (which exits once the daemon has forked), its output copied to {@code <daemon>.start.log}. */
    private Launch launch(String daemon, List<String> command) throws IOException, InterruptedException {
        try (NoFollow.Dir logDir = NoFollow.directory(settings.logDir(), settings.pathspace());
                SeekableByteChannel log = logDir.open(daemon + ".start.log",
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE))) {
            // The log directory is frr's: the launcher writes to a pipe, never to a file opened by name.
            Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
            launcher.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // Read to the end in a thread of its own: a daemon that still holds the pipe must never block the start.
            Thread reader = new Thread(() -> {
                try (InputStream in = launcher.getInputStream()) {
                    in.transferTo(output);
                } catch (IOException e) {
                    // the pipe closed: nothing more to read
                }
            }, "frr-launch-" + settings.pathspace() + "-" + daemon);
            reader.setDaemon(true);
            reader.start();
            boolean exited = launcher.waitFor(LAUNCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                launcher.destroyForcibly();
            }
            reader.join(OUTPUT_GRACE.toMillis());
            byte[] printed = output.toByteArray(); // synchronized: the reader may still be writing
            log.write(ByteBuffer.wrap(printed));
            Launch launch = new Launch(exited ? launcher.exitValue() : -1, new String(printed, StandardCharsets.UTF_8));
            if (!exited) {
                throw new FrrException(daemon + " did not daemonize within " + LAUNCH_TIMEOUT.toSeconds() + " s: " + launch.lastLines());
            }
            return launch;
        }
    }

    /** What a launcher printed and how it exited. */
    private record Launch(int exitCode, String output) {
        String lastLines() {
            List<String> lines = output.lines().toList();
            return lines.isEmpty() ? "(no output)" : String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
    }

    Path vtySocket(String daemon) {
        return settings.pathspaceRunDir().resolve(daemon + ".vty");
    }

    private long awaitRunning(String daemon, Launch launch) throws InterruptedException {
        Path socket = vtySocket(daemon);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong pid = runningPid(daemon);
            if (pid.isPresent() && Files.exists(socket)) {
                return pid.getAsLong();
            }
            Thread.sleep(50);
        }
        throw new FrrException(daemon + " did not come up within " + READY_TIMEOUT.toSeconds() + " s: " + launch.lastLines());
    }

    /** SIGTERM, then SIGKILL when it is still alive after a few seconds. No-op when it does not run. */
    void stop(String daemon) {
        OptionalLong pid = runningPid(daemon);
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroy);
        if (!awaitExit(daemon, STOP_TIMEOUT)) {
            ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
            awaitExit(daemon, STOP_TIMEOUT);
        }
    }

    /** SIGKILL, for a daemon that no longer answers (a stopped process never acts on SIGTERM). */
    void kill(String daemon) {
        OptionalLong pid = runningPid(daemon);
        if (pid.isPresent()) {
            ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
            awaitExit(daemon, STOP_TIMEOUT);
        }
    }

    void stopAll() {
        for (int i = NAMES.size() - 1; i >= 0; i--) {
            stop(NAMES.get(i));
        }
    }

    private boolean awaitExit(String daemon, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (runningPid(daemon).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return runningPid(daemon).isEmpty();
    }
}
