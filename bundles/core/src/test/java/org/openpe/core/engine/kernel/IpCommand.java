package org.openpe.core.engine.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** iproute2 for the kernel tests: sets up and inspects their throw-away namespaces. */
public final class IpCommand {

    private IpCommand() {}

    /** Runs {@code ip} with the arguments; returns what it printed, errors included. */
    public static String ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
