package org.openpe.frr.internal;

import java.time.Duration;
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
        Commands.Result result = Commands.run(List.of(settings.vtysh().toString(), "--config_dir",
                settings.configDir().toString(), "-N", settings.pathspace(), "-c", command), TIMEOUT);
        if (!result.ok()) {
            throw new FrrException("vtysh -N " + settings.pathspace() + " -c '" + command + "' failed (exit "
                    + result.exitCode() + "): " + result.output().strip());
        }
        return result.output();
    }
}
