package org.openpe.frr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openpe.frr.FrrException;

/** Runs short-lived commands (vtysh, frr-reload.py) and collects their combined output. */
final class Commands {

    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Commands() {}

    /**
     * @throws FrrException when the command cannot be started or outlives {@code timeout}: it is
     *     then killed with every process it started (frr-reload's vtysh children)
     */
    static Result run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new FrrException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> output = readOnOwnThread(process.getInputStream(), command.get(0));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new FrrException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            // a child that outlives the command keeps the pipe open
            return new Result(process.exitValue(), output.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new FrrException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException | TimeoutException e) {
            killTree(process);
            throw new FrrException("cannot read the output of " + command.get(0), e);
        }
    }

    /** The descendants are listed first: once the parent is dead they are no longer its descendants. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Not the common pool: a reader blocked on a pipe must not starve other tasks. */
    private static CompletableFuture<String> readOnOwnThread(InputStream in, String name) {
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> output.complete(readAll(in)), "frr-output-" + name);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
