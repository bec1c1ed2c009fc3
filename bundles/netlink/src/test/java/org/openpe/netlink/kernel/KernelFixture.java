package org.openpe.netlink.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openpe.netlink.NetNamespaces;
import org.openpe.testsupport.ShutdownCleanup;

/**
 * Throw-away named namespaces for kernel tests (prefix {@code nlt-}), removed again even when a test fails,
 * and {@code ip -j} as an independent view of the kernel's state.
 */
final class KernelFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> namespaces = new ArrayList<>();

    /** Skips the calling test (with the reason printed) unless running as root. */
    static void assumeRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.out.println("SKIPPED kernel test: needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to create namespaces");
        }
        Assumptions.assumeTrue(root, "kernel tests need root (CAP_NET_ADMIN and CAP_SYS_ADMIN)");
    }

    /** Creates a uniquely named namespace that {@link #close()} deletes. */
    String namespace(String purpose) {
        String name = "nlt-" + purpose + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        NetNamespaces.create(name);
        namespaces.add(name);
        ShutdownCleanup.register(fixture(name), () -> deleteIfExists(name));
        return name;
    }

    /** Runs {@code ip -j -d -n NS ARGS...} and parses its JSON output. */
    static JsonNode ipJson(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-j", "-d", "-n", namespace));
        command.addAll(Arrays.asList(args));
        String out = run(command);
        try {
            return JSON.readTree(out.isBlank() ? "[]" : out);
        } catch (IOException e) {
            throw new IllegalStateException("unparsable output of " + command + ": " + out, e);
        }
    }

    /** Runs a command, fails on a non-zero exit, returns stdout. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }

    /** The `ip -j link` entry for {@code name}. */
    static JsonNode ipLink(String namespace, String name) {
        for (JsonNode link : ipJson(namespace, "link", "show")) {
            if (link.path("ifname").asText().equals(name)) {
                return link;
            }
        }
        throw new AssertionError("ip -n " + namespace + " link show has no " + name);
    }

    @Override
    public void close() {
        for (String name : namespaces) {
            deleteIfExists(name);
            ShutdownCleanup.forget(fixture(name));
        }
    }

    private static void deleteIfExists(String namespace) {
        if (NetNamespaces.exists(namespace)) {
            NetNamespaces.delete(namespace);
        }
    }

    private static String fixture(String namespace) {
        return "namespace " + namespace;
    }
}
