package org.openpe.itests.vm;

import org.openpe.itests.support.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * FRR daemons started in one namespace under the pathspace of the same name (sockets and pid files in
 * /var/run/frr/&lt;ns&gt;, configuration in /etc/frr/&lt;ns&gt;); stopped by pid and cleaned up on close.
 */
public final class FrrInstance implements AutoCloseable {

    private static final Path FRR_BIN = Path.of("/usr/lib/frr");

    private final String pathspace;
    private final Path configDir;
    private final Path runDir;
    private final Path logDir;

    private FrrInstance(String pathspace) {
        this.pathspace = pathspace;
        this.configDir = Path.of("/etc/frr", pathspace);
        this.runDir = Path.of("/var/run/frr", pathspace);
        this.logDir = Path.of("/var/log/frr", pathspace);
    }

    /** Starts the daemons (e.g. zebra, bgpd) in the namespace with the given configuration. */
    public static FrrInstance start(ScratchNamespace namespace, String frrConf, String... daemons) {
        FrrInstance frr = new FrrInstance(namespace.name());
        try {
            frr.writeConfig(frrConf);
            for (String daemon : daemons) {
                frr.startDaemon(namespace, daemon);
            }
            frr.awaitSockets(daemons);
            Shell.ok("vtysh", "-N", frr.pathspace, "-b");
            return frr;
        } catch (RuntimeException | Error e) {
            frr.close();
            throw e;
        }
    }

    /** Takes charge of an instance someone else started (e.g. OpenPE in its router namespace), to stop it on close. */
    public static FrrInstance adopt(String pathspace) {
        return new FrrInstance(pathspace);
    }

    private void writeConfig(String frrConf) {
        try {
            Files.createDirectories(configDir);
            Files.createDirectories(logDir);
            Files.writeString(configDir.resolve("vtysh.conf"), "service integrated-vtysh-config\n");
            Files.writeString(configDir.resolve("frr.conf"), frrConf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the FRR configuration under " + configDir, e);
        }
        Shell.ok("chown", "-R", "frr:frr", configDir.toString(), logDir.toString());
    }

    private void startDaemon(ScratchNamespace namespace, String daemon) {
        List<String> command = new ArrayList<>(List.of(FRR_BIN.resolve(daemon).toString(), "-d", "-N", pathspace,
                "-P", "0", "-F", "traditional", "--log", "file:" + logDir.resolve(daemon + ".log")));
        if (daemon.equals("zebra")) {
            command.addAll(List.of("-s", "90000000"));
        }
        namespace.exec(command.toArray(String[]::new)).orFail();
    }

    private void awaitSockets(String... daemons) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (String daemon : daemons) {
            Path socket = runDir.resolve(daemon + ".vty");
            while (!Files.exists(socket)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("FRR " + daemon + " of " + pathspace + " did not create " + socket
                            + " within 30 s; see " + logDir);
                }
                sleep(100);
            }
        }
    }

    /** The process id of one of its daemons, from its pid file. */
    public long pid(String daemon) {
        try {
            return Long.parseLong(Files.readString(runDir.resolve(daemon + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of " + daemon + " in " + runDir, e);
        }
    }

    /** Runs vtysh commands, in order and in one session, against this instance and returns their output. */
    public String vtysh(String... commands) {
        List<String> vtysh = new ArrayList<>(List.of("vtysh", "-N", pathspace));
        for (String command : commands) {
            vtysh.add("-c");
            vtysh.add(command);
        }
        return Shell.run(vtysh).orFail();
    }

    @Override
    public void close() {
        try (var pidFiles = Files.list(runDir)) {
            for (Path pidFile : pidFiles.filter(p -> p.toString().endsWith(".pid")).toList()) {
                Shell.run("kill", Files.readString(pidFile).trim());
            }
        } catch (IOException e) {
            // no run directory: no daemon got far enough to write a pid file
        }
        Shell.run("rm", "-rf", configDir.toString(), runDir.toString(), logDir.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
