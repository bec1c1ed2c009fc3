package org.openpe.frr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.FrrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one configuration at a time (the {@link ApplyQueue} guarantees that): render, skip
 * when unchanged, test, apply the intermediate configurations FRR needs on the way ({@link ApplyStages}),
 * reload, and reload the previous configuration when FRR rejected part of the new one
 * (frr-reload has then already executed some of its commands).
 */
final class Applier {

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
    private static final int MAX_RELOAD_PASSES = 3;

    private final Layout layout;
    private final ConfigRenderer renderer;
    private final FrrReload reload;
    private final Vtysh vtysh;

    private volatile FrrConfig applied;
    private volatile String appliedText;

    Applier(Layout layout, ConfigRenderer renderer, FrrReload reload, Vtysh vtysh) {
        this.layout = layout;
        this.renderer = renderer;
        this.reload = reload;
        this.vtysh = vtysh;
    }

    Optional<FrrConfig> applied() {
        return Optional.ofNullable(applied);
    }

    /**
     * @param force reload even when {@code config} is the last applied one (after a daemon restart
     *     the daemons lost it)
     */
    ApplyResult apply(FrrConfig config, boolean force) {
        Instant start = Instant.now();
        Set<String> secrets = new HashSet<>(SecretMasker.secretsOf(config));
        applied().ifPresent(a -> secrets.addAll(SecretMasker.secretsOf(a)));
        try {
            String text = renderer.render(config);
            if (!force && text.equals(appliedText)) {
                return result(Outcome.UNCHANGED, "configuration already applied", start);
            }
            Layout.writePrivate(layout.candidateFile(), text);
            FrrReload.Test test = reload.test(layout.candidateFile());
            if (!test.ok()) {
                return failed("FRR rejected the configuration: " + test.output(), secrets, start);
            }
            if (!force && test.changes().isEmpty()) {
                remember(config, text);
                return result(Outcome.UNCHANGED, "FRR already runs this configuration", start);
            }
            String before = appliedText != null ? appliedText : runningConfigSnapshot();
            if (force) {
                restoreRouteMapsOfBgpd(config);
            }
            // after a daemon restart the daemons no longer run what was applied last
            Commands.Result reloaded = applyIntermediateStages(config, force ? runningConfigSnapshot() : before);
            if (reloaded.ok()) {
                Layout.writePrivate(layout.candidateFile(), text);
                reloaded = reloadUntilTaken();
            }
            if (!reloaded.ok()) {
                return failed("FRR rejected the configuration: " + reloaded.output() + "\n" + rollBack(before, secrets),
                        secrets, start);
            }
            remember(config, text);
            ApplyResult result = result(Outcome.APPLIED, test.changes().size() + " line(s) changed", start);
            LOG.info("FRR configuration applied in {} ms ({})", result.duration().toMillis(), result.message());
            return result;
        } catch (FrrException e) {
            return failed(e.getMessage(), secrets, start);
        }
    }

    /**
     * vtysh's running configuration shows a route map as long as any daemon has it, so after bgpd
     * alone restarted, frr-reload sees the route maps in zebra and does not give them back to
     * bgpd, whose sessions then deny every route in and out.
     */
    private void restoreRouteMapsOfBgpd(FrrConfig config) {
        List<String> routeMaps = renderer.routeMaps(config);
        if (!routeMaps.isEmpty()) {
            vtysh.configure("bgpd", routeMaps);
        }
    }

    /** Applies the {@link ApplyStages} on the way to {@code config}; stops at the first that FRR does not take. */
    private Commands.Result applyIntermediateStages(FrrConfig config, String before) {
        Commands.Result reloaded = new Commands.Result(0, "");
        for (ApplyStages.Stage stage : ApplyStages.before(config, before)) {
            LOG.info("FRR: {}", stage.reason());
            Layout.writePrivate(layout.candidateFile(), renderer.render(stage.config()));
            reloaded = reloadUntilTaken();
            if (!reloaded.ok()) {
                return new Commands.Result(reloaded.exitCode(), "while " + stage.reason() + ": " + reloaded.output());
            }
        }
        return reloaded;
    }

    /**
     * frr-reload.py orders its commands per context, and some orders leave residue (deleting
     * {@code neighbor X bfd profile P} after {@code neighbor X bfd} re-enables BFD, and then
     * {@code no bfd} fails silently): check with {@code --test} and reload once more if needed.
     */
    private Commands.Result reloadUntilTaken() {
        Commands.Result reloaded = reload.reload(layout.candidateFile());
        for (int pass = 1; reloaded.ok(); pass++) {
            List<String> residue = reload.test(layout.candidateFile()).changes();
            if (residue.isEmpty()) {
                return reloaded;
            }
            if (pass == MAX_RELOAD_PASSES) {
                return new Commands.Result(1, "FRR did not take these changes: " + String.join("\n", residue));
            }
            LOG.info("FRR reload left {} line(s) to change; reloading again", residue.size());
            reloaded = reload.reload(layout.candidateFile());
        }
        return reloaded;
    }

    private void remember(FrrConfig config, String text) {
        appliedText = text;
        applied = config;
    }

    private String rollBack(String before, Set<String> secrets) {
        Layout.writePrivate(layout.rollbackFile(), before);
        Commands.Result restored = reload.reload(layout.rollbackFile());
        if (restored.ok()) {
            return "The previous configuration was restored.";
        }
        LOG.error("FRR: restoring the previous configuration failed: {}", SecretMasker.mask(restored.output(), secrets));
        return "Restoring the previous configuration failed as well: " + restored.output();
    }

    /** {@code show running-config} as a file frr-reload accepts (without vtysh's banner lines). */
    private String runningConfigSnapshot() {
        String running = vtysh.show("show running-config");
        int start = running.indexOf("Current configuration:");
        String body = start >= 0 ? running.substring(running.indexOf('\n', start) + 1) : running;
        return body.lines().filter(l -> !l.equals("end")).reduce("", (a, b) -> a + b + "\n");
    }

    private static ApplyResult failed(String message, Set<String> secrets, Instant start) {
        String masked = SecretMasker.mask(message, secrets);
        LOG.warn("FRR configuration not applied: {}", masked);
        return result(Outcome.FAILED, masked, start);
    }

    private static ApplyResult result(Outcome outcome, String message, Instant start) {
        Instant end = Instant.now();
        return new ApplyResult(outcome, message, end, Duration.between(start, end));
    }
}
