package org.openpe.frr.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;

/** {@code vtysh -N <pathspace> -c <command>}: works from any namespace, the vty sockets are files. */
final class Vtysh {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FrrSettings settings;

    Vtysh(FrrSettings settings) {
        this.settings = settings;
    }

    /** @throws FrrException naming the command when vtysh fails */
    String show(String command) {
        return run(List.of("-c", command), "-c '" + command + "'");
    }

    /**
     * Configures {@code lines} in {@code daemon} only ({@code vtysh -d}), not in every daemon that
     * knows the commands.
     *
     * @throws FrrException when vtysh or the daemon refuses
     */
    void configure(String daemon, List<String> lines) {
        List<String> arguments = new ArrayList<>(List.of("-d", daemon, "-c", "configure terminal"));
        lines.forEach(line -> arguments.addAll(List.of("-c", line)));
        run(arguments, "-d " + daemon + " (configure " + lines.size() + " line(s))");
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(settings.vtysh().toString(), "--config_dir",
                settings.configDir().toString(), "-N", settings.pathspace()));
        command.addAll(arguments);
        return command;
    }

    private String run(List<String> arguments, String described) {
        Commands.Result result = Commands.run(command(arguments), TIMEOUT);
        if (!result.ok()) {
            throw new FrrException("vtysh -N " + settings.pathspace() + " " + described + " failed (exit "
                    + result.exitCode() + "): " + result.output().strip());
        }
        return result.output();
    }
}
