package org.openpe.itests.e2e;

import org.openpe.itests.support.Eventually;
import org.openpe.itests.support.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The local lab of {@code scripts/lab.sh} under a unique prefix: a leaf (FRR AS 64512) and a host
 * namespace with the NIC {@code toswitch} and a host BGP speaker (FRR AS 64515), once {@link #up()}.
 */
final class Lab implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String prefix = "e2e" + UUID.randomUUID().toString().substring(0, 5);
    final String leaf = prefix + "-leaf";
    final String host = prefix + "-host";
    final String router = prefix + "-pe";
    private final Path script;

    Lab(Path root) {
        this.script = root.resolve("scripts/lab.sh");
    }

    void up() {
        Shell.run(List.of("bash", script.toString(), "up", prefix)).orFail();
    }

    void writeConfig(Path etc) {
        Shell.run(List.of("bash", script.toString(), "config", etc.toString(), prefix)).orFail();
    }

    JsonNode vtysh(String namespace, String command) {
        try {
            return JSON.readTree(Shell.run(List.of("vtysh", "-N", namespace, "-c", command)).orFail());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code show running-config} of the FRR instance of {@code namespace}. */
    String runningConfig(String namespace) {
        return Shell.run(List.of("vtysh", "-N", namespace, "-c", "show running-config")).orFail();
    }

    /** Runs a command inside one of the lab's namespaces. */
    String in(String namespace, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return Shell.run(full).orFail();
    }

    /** The state of the BGP session with {@code peer} in the default instance of {@code namespace}, or "none". */
    String sessionState(String namespace, String peer) {
        JsonNode peers = vtysh(namespace, "show bgp summary json").path("ipv4Unicast").path("peers");
        return peers.has(peer) ? peers.get(peer).path("state").asText() : "none";
    }

    /** Waits until the session with {@code peer} in {@code namespace} is in {@code state}. */
    void awaitSession(String namespace, String peer, String state, Duration timeout) {
        Eventually.await("session " + namespace + " -> " + peer + " " + state, timeout,
                () -> sessionState(namespace, peer), state::equals);
    }

    long sessionUptimeMillis(String namespace, String peer) {
        return vtysh(namespace, "show bgp summary json").path("ipv4Unicast").path("peers").path(peer)
                .path("peerUptimeMsec").asLong();
    }

    boolean hasRoute(String namespace, String prefix) {
        return vtysh(namespace, "show ip route json").has(prefix);
    }

    @Override
    public void close() {
        Shell.run(List.of("bash", script.toString(), "down", prefix)).orFail();
    }
}
