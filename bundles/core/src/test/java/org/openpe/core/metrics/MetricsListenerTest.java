package org.openpe.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {

    private final MetricsText text = new MetricsText(registry());

    private static PrometheusRegistry registry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(() -> MetricSnapshots.of(GaugeSnapshot.builder().name("openpe_test").help("a test")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build()).build()));
        return registry;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheTextOnLoopback() throws Exception {
        try (MetricsListener listener = new MetricsListener(0, text)) {
            HttpResponse<String> response = get(listener.port(), "/metrics");
            assertEquals(200, response.statusCode());
            assertEquals("# HELP openpe_test a test\n# TYPE openpe_test gauge\nopenpe_test 1.0\n", response.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, get(listener.port(), "/").statusCode());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (MetricsListener listener = new MetricsListener(0, text)) {
            assertThrows(IOException.class, () -> new Socket(other, listener.port()).close());
        }
    }

    @Test
    void aPortInUseIsABindException() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThrows(BindException.class, () -> new MetricsListener(taken.getLocalPort(), text).close());
        }
    }
}
