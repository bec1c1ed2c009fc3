package org.openpe.itests.vm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ip monitor route} of a namespace while something happens: the route changes the kernel reported meanwhile. */
final class RouteMonitor implements AutoCloseable {

    private final Process monitor;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private RouteMonitor(Process monitor) {
        this.monitor = monitor;
        this.reader = new Thread(this::read, "ip-monitor-" + monitor.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static RouteMonitor start(ScratchNamespace namespace) throws IOException {
        return new RouteMonitor(new ProcessBuilder("ip", "-n", namespace.name(), "monitor", "route")
                .redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the monitor ended
        }
    }

    /** Stops the monitor and returns the deletions it saw of a route to {@code destination} (an address, no prefix length). */
    List<String> stopAndListDeletionsOf(String destination) throws InterruptedException {
        close();
        monitor.waitFor(5, TimeUnit.SECONDS);
        reader.join(5000);
        synchronized (output) {
            return output.toString().lines()
                    .filter(line -> line.startsWith("Deleted ") && line.matches("Deleted (\\S+ )?" + destination.replace(".", "\\.") + "(/32)? .*"))
                    .toList();
        }
    }

    @Override
    public void close() {
        monitor.destroy();
    }
}
