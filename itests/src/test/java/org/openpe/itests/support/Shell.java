package org.openpe.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands for the tier and its scenarios, capturing exit code and combined output. */
public final class Shell {

    private static final long TIMEOUT_SECONDS = 120;

    private Shell() {
    }

    /** What a finished command returned. */
    public record Result(List<String> command, int exitCode, String output) {

        /** The output, or an AssertionError naming the command when it failed. */
        public String orFail() {
            if (exitCode != 0) {
                throw new AssertionError("`" + String.join(" ", command) + "` exited with " + exitCode + ":\n" + output);
            }
            return output;
        }
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command, failing the caller when it does not finish within two minutes. */
    public static Result run(List<String> command) {
        return run(command, "");
    }

    /** Runs a command with {@code stdin} as its standard input. */
    public static Result run(List<String> command, String stdin) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` still running after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Runs a command and returns its output, failing when it exits non-zero. */
    public static String ok(String... command) {
        return run(command).orFail();
    }

    /** Quotes one argument for bash. */
    public static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
