package org.openpe.itests.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Logs each step of a scenario as it starts and ends (with its duration and failure) to stdout and to
 * {@code steps.log} in the tier's report directory: the console launcher's reports are only written at the
 * end, so after a VM timeout this is what tells which step hung.
 */
final class StepLog implements BeforeAllCallback, BeforeTestExecutionCallback, TestWatcher {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(StepLog.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        log(context.getDisplayName() + ": starting");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(STORE).put("start", Instant.now());
        log(context.getDisplayName() + ": started");
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        log(context.getDisplayName() + ": passed after " + elapsed(context));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        log(context.getDisplayName() + ": FAILED after " + elapsed(context) + ": " + cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        log(context.getDisplayName() + ": SKIPPED: " + reason.orElse("disabled"));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        log(context.getDisplayName() + ": aborted: " + cause.getMessage());
    }

    private static String elapsed(ExtensionContext context) {
        Instant start = context.getStore(STORE).get("start", Instant.class);
        return start == null ? "?" : Duration.between(start, Instant.now()).toSeconds() + " s";
    }

    private static void log(String line) {
        String stamped = Instant.now() + " " + line;
        System.out.println("[step] " + stamped);
        Optional.ofNullable(System.getProperty(VrfTier.REPORTS_PROPERTY)).map(Path::of).ifPresent(dir -> {
            try {
                Files.writeString(dir.resolve("steps.log"), stamped + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("cannot append to steps.log in " + dir + ": " + e);
            }
        });
    }
}
