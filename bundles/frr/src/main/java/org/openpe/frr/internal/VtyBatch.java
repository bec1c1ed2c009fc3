package org.openpe.frr.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openpe.frr.FrrException;

/**
 * Sends a {@link FrrDelta} straight to the daemons' vty sockets, in its order, each command to the
 * daemons that own its top-level context, and reads their running configuration back. This is
 * what {@code vtysh -f} does, without starting a process, for the contexts the renderer emits; a
 * command outside them is refused before anything is sent.
 */
final class VtyBatch {

    /** The daemons that hold each kind of top-level line, as vtysh's command table routes them. */
    private static final Map<String, List<String>> OWNERS = new LinkedHashMap<>();

    static {
        OWNERS.put("router bgp ", List.of("bgpd"));
        OWNERS.put("vrf ", List.of("zebra"));
        OWNERS.put("bfd", List.of("bfdd"));
        OWNERS.put("route-map ", List.of("zebra", "bgpd"));
        OWNERS.put("ip nht ", List.of("zebra"));
        OWNERS.put("ipv6 nht ", List.of("zebra"));
        OWNERS.put("hostname ", Daemons.NAMES);
        OWNERS.put("log file ", Daemons.NAMES);
    }

    private final Path runDir;

    /** @param runDir the pathspace's run directory, where the {@code <daemon>.vty} sockets are */
    VtyBatch(Path runDir) {
        this.runDir = runDir;
    }

    /** The daemons that hold the top-level context or line {@code line} (with or without {@code no}). */
    static List<String> owners(String line) {
        String positive = line.startsWith("no ") ? line.substring(3) : line;
        return OWNERS.entrySet().stream().filter(e -> positive.startsWith(e.getKey()) || positive.equals(e.getKey().strip()))
                .findFirst().map(Map.Entry::getValue)
                .orElseThrow(() -> new FrrException("no daemon is known to take '" + positive.split(" ")[0] + " ...'"));
    }

    /**
     * Sends every command, carrying on after one is refused, as {@code vtysh -f} does.
     *
     * @return the refusals, each with the daemon's message; empty when every command was taken
     * @throws FrrException before anything is sent when a command is outside the known contexts;
     *     when a daemon cannot be reached, or the batch outlives {@code timeout} (its connections
     *     are then closed)
     */
    List<String> send(List<String> commands, Duration timeout) {
        List<List<String>> owners = route(commands);
        Map<String, VtySocket> sockets = new ConcurrentHashMap<>();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> sockets.values().forEach(VtySocket::close),
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                String command = commands.get(i).strip();
                for (String daemon : owners.get(i)) {
                    VtySocket.Reply reply = socket(sockets, daemon).execute(command);
                    if (!reply.ok()) {
                        refused.add(daemon + ": '" + command + "': " + reply.output().strip());
                    }
                }
            }
            for (VtySocket socket : sockets.values()) {
                socket.require("end");
            }
            return refused;
        } catch (FrrException e) {
            if (deadline.isDone()) {
                throw new FrrException("a batch of " + commands.size() + " command(s) did not finish within "
                        + timeout.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
            sockets.values().forEach(VtySocket::close);
        }
    }

    /** The daemons of each command: those of its top-level context. */
    private static List<List<String>> route(List<String> commands) {
        List<List<String>> routed = new ArrayList<>(commands.size());
        List<String> owners = List.of();
        for (String command : commands) {
            if (!command.startsWith(" ") && !command.equals("exit") && !command.equals("exit-vrf")) {
                owners = owners(command);
            }
            routed.add(owners);
        }
        return routed;
    }

    /** {@code show running-config} of each of {@code daemons}, by daemon. */
    Map<String, String> runningConfigs(Set<String> daemons) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String daemon : daemons) {
            try (VtySocket socket = VtySocket.open(runDir, daemon)) {
                configs.put(daemon, socket.require("show running-config"));
            }
        }
        return configs;
    }

    private VtySocket socket(Map<String, VtySocket> sockets, String daemon) {
        return sockets.computeIfAbsent(daemon, d -> {
            VtySocket socket = VtySocket.open(runDir, d);
            socket.require("configure terminal");
            return socket;
        });
    }

}
