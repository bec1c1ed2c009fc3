package org.openpe.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;

/**
 * The metrics in the lab with real FRR and Debian's real Prometheus: a port in use is a status
 * problem, not a failure; on a free port the text passes {@code promtool check metrics}, the
 * textfile for node_exporter is written too, and a Prometheus started in the lab's host namespace
 * (where OpenPE listens on 127.0.0.1) scrapes the node and sees the underlay session up. The
 * steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndToEndIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String NODE = "192.168.11.3";
    private static final String LEAF = "192.168.11.2";
    private static final int PROMETHEUS_PORT = 9090;
    private static final int METRICS_PORT = 9464;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LabRun run = new LabRun();
    private static final Lab lab = run.lab();
    private static final Appliance appliance = run.appliance();
    private static Path work;
    private static Process prometheus;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("/usr/bin/prometheus", "/usr/bin/promtool", "/usr/bin/curl")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing (Debian packages prometheus, curl); skipped");
        }
        work = Files.createDirectories(appliance.home.resolve("metrics-test"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPortInUseIsAStatusProblemNotAFailure() throws Exception {
        lab.awaitSession(lab.leaf, NODE, "Established", CONVERGE);
        prometheus = startPrometheus(METRICS_PORT);
        Eventually.await("Prometheus ready", CONVERGE, () -> curl("http://127.0.0.1:" + PROMETHEUS_PORT + "/-/ready"),
                r -> r.exitCode() == 0);
        configure(PROMETHEUS_PORT, false);
        JsonNode metrics = Eventually.await("the metrics problem in openpe:status", CONVERGE, MetricsEndToEndIT::metricsStatus,
                m -> m.path("problems").toString().contains("cannot be bound"));
        assertTrue(metrics.path("listening").isNull(), metrics::toString);
        assertTrue(metrics.path("problems").get(0).asText().contains("127.0.0.1:" + PROMETHEUS_PORT), metrics::toString);
        lab.awaitSession(lab.leaf, NODE, "Established", CONVERGE);
    }

    @Test
    @Order(2)
    void theTextPassesPromtoolAndTheTextfileIsWritten() throws Exception {
        configure(METRICS_PORT, true);
        Eventually.await("metrics served on " + METRICS_PORT, CONVERGE, () -> metricsStatus().path("listening").asInt(),
                port -> port == METRICS_PORT);
        String text = Eventually.await("the underlay session in the scraped metrics", CONVERGE,
                () -> curl("http://127.0.0.1:" + METRICS_PORT + "/metrics").output(),
                t -> t.contains("openpe_bgp_session_up{peer=\"" + LEAF + "\",vrf=\"default\"} 1.0"));
        assertPromtoolAccepts(text);
        assertTrue(text.contains("openpe_resources{status=\"Applied\",type=\"underlay\"} 1.0"), text);

        Path textfile = work.resolve("openpe.prom");
        Eventually.await("the textfile", CONVERGE, () -> Files.exists(textfile), exists -> exists);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(textfile)));
        assertPromtoolAccepts(Files.readString(textfile));
    }

    @Test
    @Order(3)
    void aRealPrometheusSeesTheUnderlaySessionUp() throws Exception {
        String query = "openpe_bgp_session_up{job=\"openpe\",peer=\"" + LEAF + "\",vrf=\"default\"}";
        String value = Eventually.await("Prometheus' value of " + query, CONVERGE, () -> prometheusValue(query),
                "1"::equals);
        assertEquals("1", value);
        assertEquals("1", prometheusValue("up{job=\"openpe\"}"));
    }

    @Test
    @Order(4)
    void portZeroStopsTheListener() throws Exception {
        configure(0, false);
        Eventually.await("no metrics listener", CONVERGE, () -> curl("http://127.0.0.1:" + METRICS_PORT + "/metrics").exitCode(),
                code -> code != 0);
        assertTrue(metricsStatus().path("listening").isNull());
    }

    private static void configure(int port, boolean textfile) throws IOException {
        appliance.writeConfig("org.openpe.node.cfg", "nodeIndex = 0\nrouterNamespace = " + lab.router + "\n"
                + "metricsPort = " + port + "\n" + (textfile ? "metricsTextfile = " + work.resolve("openpe.prom") + "\n" : ""));
    }

    private static JsonNode metricsStatus() {
        return appliance.statusJson().path("metrics");
    }

    /** Debian's Prometheus in the lab's host namespace, scraping OpenPE every second. */
    private static Process startPrometheus(int metricsPort) throws IOException {
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: openpe
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPort));
        File log = work.resolve("prometheus.log").toFile();
        return new ProcessBuilder("ip", "netns", "exec", lab.host, "/usr/bin/prometheus",
                "--config.file=" + config, "--storage.tsdb.path=" + work.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    /** The value of an instant query's first sample, "none" while there is none. */
    private static String prometheusValue(String query) {
        Shell.Result result = Shell.run("ip", "netns", "exec", lab.host, "curl", "-s", "-G",
                "http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/query", "--data-urlencode", "query=" + query);
        try {
            JsonNode samples = JSON.readTree(result.output()).path("data").path("result");
            return samples.isEmpty() ? "none" : samples.get(0).path("value").get(1).asText();
        } catch (IOException e) {
            return "none";
        }
    }

    private static Shell.Result curl(String url) {
        return Shell.run("ip", "netns", "exec", lab.host, "curl", "-s", "-f", "--max-time", "10", url);
    }

    private static void assertPromtoolAccepts(String text) {
        Shell.Result check = Shell.run(List.of("promtool", "check", "metrics"), text);
        assertEquals(0, check.exitCode(), check.output());
        assertEquals("", check.output().trim());
    }
}
