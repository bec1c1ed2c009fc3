package org.openpe.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.openpe.itests.support.Appliance;
import org.openpe.itests.support.Eventually;

/** Boots the real OpenPE distribution (the tar.gz of karaf-assembly) for each test class. */
public abstract class OpenPeTestSupport {

    protected static final java.time.Duration AWAIT = java.time.Duration.ofSeconds(30);

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        File distribution = new File(System.getProperty("openpe.distribution"));
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distribution.toURI().toString())
                    .name("OpenPE")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            replaceConfigurationFile("etc/org.openpe.node.cfg", new File("src/test/resources/org.openpe.node.cfg")),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            // The distribution never reaches out at run time; Pax Exam's own bundles come from Central.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
        };
    }

    /**
     * Runs a shell command as an operator would, returning what it printed. Right after boot the
     * openpe commands may not be registered yet; that is waited for.
     */
    protected String execute(String command) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            try (Session session = sessionFactory.create(System.in, out, out)) {
                session.execute(command);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                if (e.getClass().getSimpleName().equals("CommandNotFoundException") && System.currentTimeMillis() < deadline) {
                    sleep();
                    continue;
                }
                throw new AssertionError("'" + command + "' failed: " + e.getMessage() + "\n" + bytes, e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a resource file into Karaf's etc/, as an operator would. */
    protected static void writeEtc(String file, String content) throws IOException {
        Appliance.writeConfig(java.nio.file.Path.of(System.getProperty("karaf.etc")), file, content);
    }

    protected static void deleteEtc(String file) throws IOException {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(System.getProperty("karaf.etc"), file));
    }

    /** Polls a shell command until its output satisfies {@code holds}. */
    protected String awaitOutput(String command, java.util.function.Predicate<String> holds) {
        return Eventually.await("'" + command + "' to show what is expected", AWAIT, () -> execute(command), holds);
    }

    /** The resource's row of {@code openpe:list --json}, an empty object while it is not listed. */
    protected JsonNode listed(String type, String name) {
        for (JsonNode row : Appliance.json(execute("openpe:list --json"))) {
            if (row.path("type").asText().equals(type) && row.path("name").asText().equals(name)) {
                return row;
            }
        }
        return Appliance.json("{}");
    }

    /** Polls {@code openpe:list --json} until the resource's row satisfies {@code holds}. */
    protected JsonNode awaitListed(String type, String name, java.util.function.Predicate<JsonNode> holds) {
        return Eventually.await(type + " " + name + " in openpe:list --json", AWAIT,
                () -> listed(type, name), holds);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
