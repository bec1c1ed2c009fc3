package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import org.openpe.itests.support.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OpenPE appliance: the built distribution unpacked into its own directory and run in the
 * foreground inside a namespace playing its host ({@code nsenter --net=... bin/karaf run}), configured
 * through .cfg files in its etc/.
 */
final class OpenPeNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    /**
     * C1 only, for the node and each {@code bin/client}: under qemu's TCG (one emulated CPU) the C2
     * compiler's work delays start-up far more than its code pays back in a test of a few minutes.
     * Replaces Karaf's default JAVA_OPTS (which only unlocks diagnostic options on Java 17).
     */
    private static final String QUICK_START_JAVA_OPTS = "-XX:+UnlockDiagnosticVMOptions -XX:TieredStopAtLevel=1";

    private final String name;
    private final Path home;
    private final String hostNamespace;
    private Process process;

    private OpenPeNode(String name, Path home, String hostNamespace) {
        this.name = name;
        this.home = home;
        this.hostNamespace = hostNamespace;
    }

    /** Unpacks the distribution named by -Dopenpe.distribution into {@code workDir/name}. */
    static OpenPeNode unpack(String name, Path workDir, String hostNamespace) throws IOException {
        String distribution = System.getProperty("openpe.distribution");
        if (distribution == null || !Files.isRegularFile(Path.of(distribution))) {
            throw new IllegalStateException("no OpenPE distribution at -Dopenpe.distribution=" + distribution
                    + " (build karaf-assembly first)");
        }
        Path dir = Files.createDirectories(workDir.resolve(name));
        Shell.ok("tar", "-xzf", distribution, "-C", dir.toString(), "--strip-components=1");
        return new OpenPeNode(name, dir, hostNamespace);
    }

    void writeConfig(String file, String content) throws IOException {
        Path target = home.resolve("etc").resolve(file);
        Path temp = home.resolve("etc").resolve("." + file + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteConfig(String file) throws IOException {
        Files.deleteIfExists(home.resolve("etc").resolve(file));
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + hostNamespace,
                home.resolve("bin/karaf").toString(), "run");
        builder.environment().put("KARAF_EXEC", "exec");
        builder.environment().put("JAVA_OPTS", QUICK_START_JAVA_OPTS);
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start();
    }

    Path home() {
        return home;
    }

    /** The JVM's process id (bin/karaf execs java; nsenter execs bin/karaf). */
    long pid() {
        return process.pid();
    }

    /** Waits until the OpenPE shell answers. */
    void awaitStarted() {
        Eventually.await(name + "'s OpenPE shell", START_TIMEOUT, () -> client("openpe:status"),
                out -> out.contains("Router namespace"));
    }

    /** Runs shell commands through {@code bin/client -b}, as a script on the box would. */
    String client(String... commands) {
        Path input = home.resolve("client-input.txt");
        try {
            Files.writeString(input, String.join("\n", commands) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + input, e);
        }
        return Shell.ok("sh", "-c", "JAVA_OPTS='" + QUICK_START_JAVA_OPTS + "' exec nsenter --net=/var/run/netns/"
                + hostNamespace + " "
                + home.resolve("bin/client") + " -r 3 -d 1 -b < " + input);
    }

    /** The lines of the node's karaf.log that contain {@code text}. */
    List<String> logLines(String text) {
        try (var lines = Files.lines(home.resolve("data/log/karaf.log"))) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + "'s karaf.log", e);
        }
    }

    /** Sends SIGTERM, as systemd would, without waiting: several nodes then stop in parallel. */
    void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Stops it with SIGTERM and copies its log to {@code logDir} for the report. */
    void stop(Path logDir) throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Files.createDirectories(logDir);
        for (Path log : List.of(home.resolve("data/log/karaf.log"), home.resolve("console.log"))) {
            if (Files.exists(log)) {
                Files.copy(log, logDir.resolve(name + "-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop(Path.of(System.getProperty(VrfTier.REPORTS_PROPERTY, System.getProperty("java.io.tmpdir"))));
    }
}
