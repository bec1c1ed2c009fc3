package org.openpe.itests.vm;

import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ping running in a namespace, five a second, while something is restarted: started before, stopped
 * (SIGINT, ping's own summary) once replies flow again, and how many went unanswered in between.
 */
final class PingDuringRestart implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    private final Process ping;
    private final AtomicInteger replies = new AtomicInteger();
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    /** What a ping lost: {@code lost} of {@code sent}, one every {@link #INTERVAL}. */
    record Loss(int sent, int lost) {
        long lostMillis() {
            return lost * INTERVAL.toMillis();
        }

        @Override
        public String toString() {
            return lost + " of " + sent + " pings lost (" + lostMillis() + " ms)";
        }
    }

    private PingDuringRestart(Process ping) {
        this.ping = ping;
        this.reader = new Thread(this::read, "ping-" + ping.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code ping -I from to} in {@code namespace} and waits for its first replies. */
    static PingDuringRestart start(ScratchNamespace namespace, String from, String to) throws IOException {
        // nsenter without --fork execs ping: the process is ping itself, SIGINT reaches it
        Process process = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + namespace.name(), "--", "ping", "-i",
                Double.toString(INTERVAL.toMillis() / 1000.0), "-W", "1", "-I", from, to).redirectErrorStream(true).start();
        PingDuringRestart ping = new PingDuringRestart(process);
        ping.awaitMoreReplies(5, "the first replies of ping " + from + " -> " + to);
        return ping;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ping.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains(" bytes from ")) {
                    replies.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the ping ended
        }
    }

    /** Waits until {@code count} more replies came in than now: traffic flows again. */
    void awaitMoreReplies(int count, String what) {
        int target = replies.get() + count;
        Eventually.await(what, Duration.ofSeconds(180), replies::get, n -> n >= target);
    }

    /** Stops the ping with SIGINT and reads its summary. */
    Loss stop() throws InterruptedException {
        Shell.run("kill", "-INT", Long.toString(ping.pid()));
        if (!ping.waitFor(10, TimeUnit.SECONDS)) {
            ping.destroyForcibly();
        }
        reader.join(5000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        Matcher summary = SUMMARY.matcher(text);
        if (!summary.find()) {
            throw new AssertionError("no summary from ping: " + text);
        }
        int sent = Integer.parseInt(summary.group(1));
        return new Loss(sent, sent - Integer.parseInt(summary.group(2)));
    }

    @Override
    public void close() {
        ping.destroyForcibly();
    }
}
