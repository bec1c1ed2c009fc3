package org.openpe.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * One OpenPE appliance as the tests drive it: the distribution unpacked into {@link #home()}, run
 * in the foreground inside a namespace playing its host ({@code nsenter --net=... bin/karaf run}),
 * configured through .cfg files in its etc/ and observed through its shell commands' {@code --json}.
 */
public class Appliance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_AT_SHUTDOWN = Duration.ofSeconds(30);

    private final String name;
    private final Path home;
    private final Optional<String> hostNamespace;
    private final Optional<String> javaOpts;
    private final Duration startTimeout;
    private Process process;

    /**
     * @param hostNamespace the namespace it runs in; empty: the root namespace (a runtime systemd runs)
     * @param javaOpts JAVA_OPTS for the runtime and each {@code bin/client}; empty: Karaf's default
     */
    public Appliance(String name, Path home, Optional<String> hostNamespace, Optional<String> javaOpts,
            Duration startTimeout) {
        this.name = name;
        this.home = home;
        this.hostNamespace = hostNamespace;
        this.javaOpts = javaOpts;
        this.startTimeout = startTimeout;
    }

    /** Unpacks the distribution's tarball into {@code dir}, which becomes an appliance's home. */
    public static void unpack(Path distribution, Path dir) throws IOException {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("no OpenPE distribution at " + distribution + " (build karaf-assembly first)");
        }
        Files.createDirectories(dir);
        Shell.ok("tar", "-xzf", distribution.toString(), "-C", dir.toString(), "--strip-components=1");
    }

    public Path home() {
        return home;
    }

    public Path etc() {
        return home.resolve("etc");
    }

    /** Starts the runtime without waiting for it: several appliances then start in parallel. */
    public void launch() throws IOException {
        List<String> command = inHostNamespace(home.resolve("bin/karaf").toString(), "run");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KARAF_EXEC", "exec");
        javaOpts.ifPresent(opts -> builder.environment().put("JAVA_OPTS", opts));
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start();
        ShutdownCleanup.register(this, () -> stopWithin(STOP_AT_SHUTDOWN)); // so that it outlives no test run
    }

    /** Waits until the OpenPE shell answers {@code openpe:status --json}. */
    public void awaitStarted() {
        Eventually.await(name + "'s OpenPE shell", startTimeout, this::statusJson, status -> status.has("routerNamespace"));
    }

    /** The JVM's process id (bin/karaf execs java; nsenter execs bin/karaf). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Sends SIGTERM, as systemd would, without waiting: several appliances then stop in parallel. */
    public void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Stops it with SIGTERM; false when it had to be killed because it outlived {@code bound}. */
    public boolean stopWithin(Duration bound) throws InterruptedException {
        requestStop();
        boolean stopped = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor();
        }
        ShutdownCleanup.forget(this);
        return stopped;
    }

    /** Kills the JVM with SIGKILL, as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for 30 s");
        }
        ShutdownCleanup.forget(this);
    }

    @Override
    public String toString() {
        return name + " (pid " + (process == null ? "none" : process.pid()) + ", " + home + ")";
    }

    /** Runs shell commands through {@code bin/client -b}, as a script on the box would. */
    public String client(String... commands) {
        return clientResult(commands).orFail();
    }

    /** Like {@link #client}, with the exit status: that of the last command. */
    public Shell.Result clientResult(String... commands) {
        List<String> command = new ArrayList<>();
        javaOpts.ifPresent(opts -> command.addAll(List.of("env", "JAVA_OPTS=" + opts)));
        command.addAll(inHostNamespace(home.resolve("bin/client").toString(), "-r", "3", "-d", "1", "-b"));
        return Shell.run(command, String.join("\n", commands) + "\n");
    }

    /** {@code openpe:status --json}: the node, its FRR daemons and BGP sessions. */
    public JsonNode statusJson() {
        return json(client("openpe:status --json"));
    }

    /** {@code openpe:list --json}: every resource with its status. */
    public JsonNode listJson() {
        return json(client("openpe:list --json"));
    }

    /** One resource's row of {@code openpe:list --json}; an empty object when it is not listed. */
    public JsonNode resource(String type, String name) {
        for (JsonNode row : listJson()) {
            if (row.path("type").asText().equals(type) && row.path("name").asText().equals(name)) {
                return row;
            }
        }
        return JSON.createObjectNode();
    }

    /** The state of a resource ({@code Applied}, {@code Pending}, ...), "none" while it is not listed. */
    public String state(String type, String name) {
        return resource(type, name).path("state").asText("none");
    }

    /** Waits until the resource's row of {@code openpe:list --json} satisfies {@code holds}, and returns it. */
    public JsonNode awaitResource(String type, String name, Duration timeout, Predicate<JsonNode> holds) {
        return Eventually.await(type + " " + name + " in " + this.name + "'s openpe:list --json", timeout,
                () -> resource(type, name), holds);
    }

    /** Waits until the resource is in {@code state} (openpe:list --json). */
    public JsonNode awaitState(String type, String name, String state, Duration timeout) {
        return awaitResource(type, name, timeout, r -> r.path("state").asText().equals(state));
    }

    /** Waits until {@code count} resources are listed and every one of them is in {@code state}. */
    public JsonNode awaitAll(int count, String state, Duration timeout) {
        return Eventually.await(count + " resources " + state + " in " + name + "'s openpe:list --json", timeout,
                this::listJson, rows -> rows.size() == count && rows.findValuesAsText("state").stream().allMatch(state::equals));
    }

    /** The state of the BGP session with {@code peer} as {@code openpe:status --json} shows it, "none" without one. */
    public String sessionState(String peer) {
        return sessionState(statusJson(), peer);
    }

    /** The state of the BGP session with {@code peer} in {@code status} (openpe:status --json), "none" without one. */
    public static String sessionState(JsonNode status, String peer) {
        for (JsonNode session : status.path("bgpSessions")) {
            if (peer.equals(session.path("peer").asText())) {
                return session.path("state").asText();
            }
        }
        return "none";
    }

    /** The JSON a command printed (from its first bracket: the client may print a banner before it). */
    public static JsonNode json(String output) {
        int object = output.indexOf('{');
        int array = output.indexOf('[');
        int start = object < 0 ? array : array < 0 ? object : Math.min(object, array);
        try {
            if (start < 0) {
                throw new IOException("no JSON");
            }
            return JSON.readTree(output.substring(start));
        } catch (IOException e) {
            throw new IllegalStateException("printed no JSON: " + output, e);
        }
    }

    /** Writes a file of etc/ as an operator's tool would. */
    public void writeConfig(String file, String content) throws IOException {
        writeConfig(etc(), file, content);
    }

    /** Writes a file in one step (written aside, then renamed), so that a watcher never sees it half-written. */
    public static void writeConfig(Path etc, String file, String content) throws IOException {
        Path temp = etc.resolve("." + file + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, etc.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public void deleteConfig(String file) throws IOException {
        Files.deleteIfExists(etc().resolve(file));
    }

    /** The lines of its karaf.log that contain {@code text}. */
    public List<String> logLines(String text) {
        try (var lines = Files.lines(home.resolve("data/log/karaf.log"))) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + "'s karaf.log", e);
        }
    }

    private List<String> inHostNamespace(String... command) {
        List<String> full = new ArrayList<>();
        hostNamespace.ifPresent(ns -> full.addAll(List.of("nsenter", "--net=/var/run/netns/" + ns)));
        full.addAll(List.of(command));
        return full;
    }
}
