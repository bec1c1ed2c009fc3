package org.openpe.frr.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpe.frr.FrrException;
import org.openpe.frr.FrrSettings;

/**
 * Debian's frr-reload.py on a pathspace: {@code --test -N <ps> <file>} and
 * {@code --reload -N <ps> <file>}. Both print at log level {@code warning}, so the INFO lines
 * that dump the applied commands (passwords included) are never produced.
 */
final class FrrReload {

    private static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/frr");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern LOG_PREFIX = Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+\\s+\\w+:\\s?");

    /** The differences frr-reload found, or its failure. */
    record Test(boolean ok, List<String> changes, String output) {}

    private final FrrSettings settings;

    FrrReload(FrrSettings settings) {
        this.settings = settings;
    }

    /** Checks the syntax of {@code file} and lists what a reload would change. */
    Test test(Path file, Duration timeout) {
        Commands.Result result = Commands.run(command("--test", file), timeout);
        return new Test(result.ok(), changes(result.output()), clean(withoutDiff(result.output())));
    }

    /**
     * Applies {@code file}; on failure the returned text is FRR's (unmasked) error output.
     *
     * @throws FrrException on a timeout, after removing the command files frr-reload left in the
     *     run directory (they hold passwords)
     */
    Commands.Result reload(Path file, Duration timeout) {
        List<String> command = command("--reload", file);
        command.addAll(command.size() - 1, List.of("--stdout", "--rundir", settings.pathspaceRunDir().toString()));
        try {
            Commands.Result result = Commands.run(command, timeout);
            return new Commands.Result(result.exitCode(), clean(result.output()));
        } catch (FrrException e) {
            removeCommandFiles();
            throw e;
        }
    }

    private void removeCommandFiles() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.pathspaceRunDir(), "reload-*.txt")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new FrrException("cannot remove frr-reload's command files in " + settings.pathspaceRunDir() + ": " + e, e);
        }
    }

    private List<String> command(String mode, Path file) {
        List<String> command = new ArrayList<>(List.of(settings.reloadScript().toString(), mode, "--log-level", "warning",
                "-N", settings.pathspace(), "--bindir", settings.vtysh().getParent().toString()));
        if (!settings.configDir().equals(DEFAULT_CONFIG_DIR)) {
            command.addAll(List.of("--confdir", settings.configDir().toString()));
        }
        command.add(file.toString());
        return command;
    }

    /**
     * The lines under "Lines To Delete" and "Lines To Add", without the hostname: FRR 8.4's vtysh
     * always shows the machine's hostname in the running configuration, so frr-reload lists
     * {@code no hostname <machine>} / {@code hostname <ours>} even right after a reload.
     */
    static List<String> changes(String testOutput) {
        List<String> changes = new ArrayList<>();
        boolean inSection = false;
        for (String raw : testOutput.split("\n")) {
            String line = raw.stripTrailing();
            if (line.equals("Lines To Delete") || line.equals("Lines To Add")) {
                inSection = true;
            } else if (inSection && !line.isBlank() && !line.startsWith("===") && !LOG_PREFIX.matcher(line).lookingAt()
                    && !line.startsWith("hostname ") && !line.startsWith("no hostname ")) {
                changes.add(line);
            }
        }
        return changes;
    }

    /** The messages before the diff: on failure, the diff only shows what parsed so far. */
    private static String withoutDiff(String testOutput) {
        int diff = testOutput.indexOf("\nLines To ");
        return diff >= 0 ? testOutput.substring(0, diff) : testOutput;
    }

    /** Output without colour codes and log timestamps, with vtysh's byte-string dumps unfolded. */
    static String clean(String output) {
        String text = ANSI.matcher(output).replaceAll("");
        text = LOG_PREFIX.matcher(text).replaceAll("");
        text = text.replace("b'", "").replace("\\n", "\n").replace("\\t", "\t");
        // frr-reload runs two passes and repeats every error of the first in the second
        return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank() && !l.equals("'")).distinct()
                .collect(Collectors.joining("\n"));
    }
}
