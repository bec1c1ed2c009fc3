package org.openpe.frr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a daemon's process lands. When systemd runs the machine, each daemon is started in a
 * transient scope unit of its own ({@code systemd-run --scope}), outside the cgroup of the OpenPE
 * service: systemd kills what is left in that cgroup when the service stops, restarts or crashes,
 * and the daemons, with their BGP sessions, must outlive all three. The runtime's own children
 * (vtysh, frr-reload) stay in the service's cgroup and die with it. Without systemd (a lab, a
 * container, the tests) the daemon is started as it is.
 */
final class DaemonScope {

    /** What systemd-run prints when it cannot create the scope; it has then run nothing. */
    static final String SCOPE_FAILED = "Failed to start transient scope unit";

    private static final Path SYSTEMD_RUN = Path.of("/usr/bin/systemd-run");
    /** sd_booted(3): only systemd as PID 1 creates this directory. */
    private static final Path SYSTEMD_BOOTED = Path.of("/run/systemd/system");

    private final boolean systemd;

    private DaemonScope(boolean systemd) {
        this.systemd = systemd;
    }

    static DaemonScope detect() {
        return new DaemonScope(Files.isDirectory(SYSTEMD_BOOTED) && Files.isExecutable(SYSTEMD_RUN));
    }

    static DaemonScope systemd() {
        return new DaemonScope(true);
    }

    static DaemonScope none() {
        return new DaemonScope(false);
    }

    boolean isSystemd() {
        return systemd;
    }

    /** {@code command}, run in a new scope {@code openpe-frr-<pathspace>-<daemon>-<millis>.scope} under systemd. */
    List<String> wrap(String pathspace, String daemon, List<String> command) {
        if (!systemd) {
            return command;
        }
        // The start time makes the name unique: the scope of a daemon that has just died may not be collected yet.
        List<String> wrapped = new ArrayList<>(List.of(SYSTEMD_RUN.toString(), "--scope", "--collect", "--quiet",
                "--unit=openpe-frr-" + pathspace + "-" + daemon + "-" + System.currentTimeMillis(),
                "--description=FRR " + daemon + " of OpenPE pathspace " + pathspace));
        wrapped.addAll(command);
        return wrapped;
    }
}
