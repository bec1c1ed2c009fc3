package org.openpe.itests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpe.itests.support.Shell;
import org.openpe.itests.support.Eventually;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OpenPE distribution unpacked into a directory and run in the foreground inside a namespace
 * playing the host, the way an appliance runs it: {@code nsenter --net=... bin/karaf run}.
 */
final class Appliance implements AutoCloseable {

    final Path home;
    private final String hostNamespace;
    private Process process;

    Appliance(Path distribution, Path workDir, String hostNamespace) throws IOException {
        this.hostNamespace = hostNamespace;
        Files.createDirectories(workDir);
        Shell.run(List.of("tar", "-xzf", distribution.toString(), "-C", workDir.toString())).orFail();
        try (var dirs = Files.list(workDir)) {
            this.home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    Path etc() {
        return home.resolve("etc");
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + hostNamespace,
                home.resolve("bin/karaf").toString(), "run");
        builder.environment().put("KARAF_EXEC", "exec");
        File log = home.resolve("console.log").toFile();
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        Eventually.await("the OpenPE shell", Duration.ofSeconds(90), () -> client("openpe:status"),
                out -> out.contains("Router namespace"));
    }

    /** Stops it as systemd would, with SIGTERM, and waits for the JVM to exit. */
    Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("OpenPE did not stop within 30 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Kills the JVM with SIGKILL, as a crash would, and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("OpenPE survived SIGKILL for 30 s");
        }
    }

    /** Runs shell commands through {@code bin/client -b}, as a script on the box would. */
    String client(String... commands) {
        return clientResult(commands).orFail();
    }

    /** Like {@link #client}, with the exit status: that of the last command. */
    Shell.Result clientResult(String... commands) {
        return Shell.run(List.of("nsenter", "--net=/var/run/netns/" + hostNamespace,
                home.resolve("bin/client").toString(), "-r", "3", "-d", "1", "-b"), String.join("\n", commands) + "\n");
    }

    /** {@code openpe:list --json}: every resource with its status. */
    JsonNode listJson() {
        String out = client("openpe:list --json");
        try {
            return new ObjectMapper().readTree(out.substring(out.indexOf('[')));
        } catch (IOException e) {
            throw new IllegalStateException("openpe:list --json printed no JSON: " + out, e);
        }
    }

    /** One resource's row of {@code openpe:list --json}; an empty object when it is not listed. */
    JsonNode resource(String type, String name) {
        for (JsonNode row : listJson()) {
            if (row.path("type").asText().equals(type) && row.path("name").asText().equals(name)) {
                return row;
            }
        }
        return new ObjectMapper().createObjectNode();
    }

    void writeConfig(String file, String content) throws IOException {
        Path target = etc().resolve(file);
        Path temp = etc().resolve("." + file + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteConfig(String file) throws IOException {
        Files.deleteIfExists(etc().resolve(file));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
