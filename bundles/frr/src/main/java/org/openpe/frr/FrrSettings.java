package org.openpe.frr;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.openpe.api.frr.FrrConfig;

/**
 * Where and how one FRR instance runs. {@link #forNamespace(String)} gives the defaults of Debian's
 * {@code frr} and {@code frr-pythontools} packages; the {@code with...} methods change one value.
 *
 * @param namespace the router network namespace ({@code /var/run/netns/<namespace>}), created by the caller
 * @param pathspace FRR's {@code -N} pathspace: sockets and pid files in {@code <runDir>/<pathspace>},
 *     configuration in {@code <configDir>/<pathspace>}, logs in {@code <logDir>/<pathspace>}
 * @param supervise start the daemons (or adopt running ones), restart a daemon that dies and
 *     re-apply the configuration; when {@code false} the daemons are someone else's business and
 *     the instance only applies and observes
 * @param binDir where {@code zebra}, {@code bgpd}, {@code staticd} and {@code bfdd} live
 * @param vtysh the {@code vtysh} binary
 * @param reloadScript Debian's {@code frr-reload.py}
 * @param configDir FRR's configuration root (not the pathspace directory)
 * @param runDir FRR's state root (pid files and sockets)
 * @param logDir log root; each daemon logs to {@code <logDir>/<pathspace>/<daemon>.log} until the
 *     configuration's {@code log file} line ({@code <logDir>/<pathspace>/frr.log}) takes over
 * @param logLevel level of the daemons' start-up log (FRR names or debug/info/warn/error)
 */
public record FrrSettings(
        String namespace,
        String pathspace,
        boolean supervise,
        Path binDir,
        Path vtysh,
        Path reloadScript,
        Path configDir,
        Path runDir,
        Path logDir,
        String logLevel) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public FrrSettings {
        requireName(namespace, "router namespace");
        requireName(pathspace, "FRR pathspace");
        logLevel = FrrConfig.frrLogLevel(logLevel);
    }

    /** Debian's locations, pathspace = namespace, supervised, log level {@code informational}. */
    public static FrrSettings forNamespace(String namespace) {
        return new FrrSettings(namespace, namespace, true, Path.of("/usr/lib/frr"), Path.of("/usr/bin/vtysh"),
                Path.of("/usr/lib/frr/frr-reload.py"), Path.of("/etc/frr"), Path.of("/var/run/frr"),
                Path.of("/var/log/frr"), "informational");
    }

    public FrrSettings withPathspace(String value) {
        return new FrrSettings(namespace, value, supervise, binDir, vtysh, reloadScript, configDir, runDir, logDir, logLevel);
    }

    public FrrSettings withSupervise(boolean value) {
        return new FrrSettings(namespace, pathspace, value, binDir, vtysh, reloadScript, configDir, runDir, logDir, logLevel);
    }

    public FrrSettings withBinDir(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, value, vtysh, reloadScript, configDir, runDir, logDir, logLevel);
    }

    public FrrSettings withVtysh(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, value, reloadScript, configDir, runDir, logDir, logLevel);
    }

    public FrrSettings withReloadScript(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, vtysh, value, configDir, runDir, logDir, logLevel);
    }

    public FrrSettings withConfigDir(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, vtysh, reloadScript, value, runDir, logDir, logLevel);
    }

    public FrrSettings withRunDir(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, vtysh, reloadScript, configDir, value, logDir, logLevel);
    }

    public FrrSettings withLogDir(Path value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, vtysh, reloadScript, configDir, runDir, value, logLevel);
    }

    public FrrSettings withLogLevel(String value) {
        return new FrrSettings(namespace, pathspace, supervise, binDir, vtysh, reloadScript, configDir, runDir, logDir, value);
    }

    /** {@code <configDir>/<pathspace>}: vtysh.conf and the persisted frr.conf. */
    public Path pathspaceConfigDir() {
        return configDir.resolve(pathspace);
    }

    /** {@code <runDir>/<pathspace>}: pid files and vty sockets. */
    public Path pathspaceRunDir() {
        return runDir.resolve(pathspace);
    }

    /** {@code <logDir>/<pathspace>}. */
    public Path pathspaceLogDir() {
        return logDir.resolve(pathspace);
    }

    private static void requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1..64 letters, digits, '_', '.' or '-', got '" + value + "'");
        }
    }
}
