package org.openpe.frr.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

    static final long REPLY_TIMEOUT_SECONDS = 60;
    /**
     * Commands sent to one daemon before its replies are read. Only one daemon has commands in
     * flight at a time, so the order across daemons is the batch's.
     */
    static final int IN_FLIGHT = 64;

    private final Path runDir;
    private final DaemonActivity activity;

    /**
     * @param runDir the pathspace's run directory, where the {@code <daemon>.vty} sockets are
     * @param activity told of every answer, for the supervisor
     */
    VtyBatch(Path runDir, DaemonActivity activity) {
        this.runDir = runDir;
        this.activity = activity;
    }

    /** The daemons that hold the top-level context or line {@code line} (with or without {@code no}). */
    static List<String> owners(String line) {
        String positive = line.startsWith("no ") ? line.substring(3) : line;
        return OWNERS.entrySet().stream().filter(e -> positive.startsWith(e.getKey()) || positive.equals(e.getKey().strip()))
                .findFirst().map(Map.Entry::getValue)
                .orElseThrow(() -> new FrrException("no daemon is known to take '" + positive.split(" ")[0] + " ...'"));
    }

    /**
     * Sends every command, carrying on after one is refused, as {@code vtysh -f} does; up to
     * {@value #IN_FLIGHT} commands go to a daemon before its replies are read. The time
     * limit grows with the batch: it ends when a daemon does not answer one command within
     * {@value #REPLY_TIMEOUT_SECONDS} s (FRR's cost per command grows with the number of instances:
     * a {@code no router bgp ... vrf} takes 2.5 ms among 1,000 instances, over 14 ms among 4,000).
     *
     * @return the refusals, each with the daemon's message; empty when every command was taken
     * @throws FrrException before anything is sent when a command is outside the known contexts;
     *     when a daemon cannot be reached or does not answer in time (the connections are then closed)
     */
    List<String> send(List<String> commands) {
        List<List<String>> owners = route(commands);
        Watchdog watchdog = new Watchdog();
        try {
            List<String> refused = new ArrayList<>();
            Deque<Sent> inFlight = new ArrayDeque<>();
            for (int i = 0; i < commands.size(); i++) {
                String command = commands.get(i).strip();
                List<String> daemons = owners.get(i);
                if (daemons.size() > 1 || inFlight.size() >= IN_FLIGHT
                        || !inFlight.isEmpty() && !daemons.equals(List.of(inFlight.peekFirst().daemon()))) {
                    awaitReplies(inFlight, watchdog, refused);
                }
                for (String daemon : daemons) {
                    VtySocket socket = watchdog.configuring(daemon);
                    socket.send(command);
                    inFlight.add(new Sent(daemon, socket, command));
                }
                if (daemons.size() > 1) {
                    awaitReplies(inFlight, watchdog, refused);
                }
            }
            awaitReplies(inFlight, watchdog, refused);
            watchdog.endConfiguring();
            return refused;
        } catch (FrrException e) {
            throw watchdog.explained(e);
        } finally {
            watchdog.close();
        }
    }

    /** A command sent to a daemon and not answered yet. */
    private record Sent(String daemon, VtySocket socket, String command) {}

    private void awaitReplies(Deque<Sent> inFlight, Watchdog watchdog, List<String> refused) {
        while (!inFlight.isEmpty()) {
            Sent sent = inFlight.removeFirst();
            VtySocket.Reply reply = sent.socket().receive();
            watchdog.answered(sent.daemon());
            if (!reply.ok()) {
                refused.add(sent.daemon() + ": '" + sent.command() + "': " + reply.output().strip());
            }
        }
    }

    /** {@code show running-config} of each of {@code daemons}, by daemon. */
    Map<String, String> runningConfigs(Set<String> daemons) {
        Map<String, String> configs = new LinkedHashMap<>();
        Watchdog watchdog = new Watchdog();
        try {
            for (String daemon : daemons) {
                configs.put(daemon, watchdog.open(daemon).require("show running-config"));
                watchdog.answered(daemon);
            }
        } catch (FrrException e) {
            throw watchdog.explained(e);
        } finally {
            watchdog.close();
        }
        return configs;
    }

    /** The output of each of {@code commands} that {@code daemon} answers, in order; those it refuses are left out. */
    List<String> answers(String daemon, List<String> commands) {
        List<String> answers = new ArrayList<>();
        Watchdog watchdog = new Watchdog();
        try {
            VtySocket socket = watchdog.open(daemon);
            for (String command : commands) {
                VtySocket.Reply reply = socket.execute(command);
                watchdog.answered(daemon);
                if (reply.ok()) {
                    answers.add(reply.output());
                }
            }
        } catch (FrrException e) {
            throw watchdog.explained(e);
        } finally {
            watchdog.close();
        }
        return answers;
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

    /** The connections of one batch, closed when a daemon takes too long to answer, and at the end. */
    private final class Watchdog {
        private final Map<String, VtySocket> sockets = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frr-vty-watchdog");
            t.setDaemon(true);
            return t;
        });
        private volatile long lastAnswer = System.nanoTime();
        private volatile boolean expired;

        Watchdog() {
            timer.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - lastAnswer > TimeUnit.SECONDS.toNanos(REPLY_TIMEOUT_SECONDS)) {
                    expired = true;
                    sockets.values().forEach(VtySocket::close);
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        VtySocket open(String daemon) {
            return sockets.computeIfAbsent(daemon, d -> VtySocket.open(runDir, d));
        }

        VtySocket configuring(String daemon) {
            return sockets.computeIfAbsent(daemon, d -> {
                VtySocket socket = VtySocket.open(runDir, d);
                socket.require("configure terminal");
                return socket;
            });
        }

        /** The daemon answered: the batch goes on, and the supervisor knows it alive. */
        void answered(String daemon) {
            lastAnswer = System.nanoTime();
            activity.answered(daemon);
        }

        /** A read the watchdog cut short fails as a closed connection: say why. */
        FrrException explained(FrrException e) {
            return expired ? new FrrException("a daemon did not answer within " + REPLY_TIMEOUT_SECONDS + " s", e) : e;
        }

        void endConfiguring() {
            sockets.values().forEach(s -> s.require("end"));
        }

        void close() {
            timer.shutdownNow();
            sockets.values().forEach(VtySocket::close);
        }
    }
}
