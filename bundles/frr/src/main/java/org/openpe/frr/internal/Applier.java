package org.openpe.frr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;
import org.openpe.frr.FrrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one configuration at a time (the {@link ApplyQueue} guarantees that). While FRR is known
 * to run the configuration applied last, a change goes as a {@link FrrDelta} in one batch straight
 * to the daemons' vty sockets ({@link VtyBatch}) and is then checked against their running
 * configuration. Otherwise (first apply, a daemon
 * restarted, a delta FRR refused or did not take exactly, a drift check) the whole configuration
 * goes through frr-reload: test, the intermediate configurations FRR needs on the way
 * ({@link ApplyStages}), reload, and reload of the previous configuration when FRR rejected part
 * of the new one (frr-reload has then already executed some of its commands) or timed out. A
 * change of the raw snippets always takes the whole path: their text cannot be diffed into
 * {@code no} commands, frr-reload computes the removals, and its {@code --test} has FRR check the
 * whole file, the snippets included, before anything is applied; a refusal names the snippets
 * FRR refused ({@link RawSnippetBlame}).
 */
final class Applier {

    /** Why a configuration is applied; a later mode includes the earlier ones. */
    enum Mode {
        /** A new configuration: skipped when unchanged, sent as a delta when FRR's state is known. */
        APPLY,
        /** Compare FRR with the applied configuration through frr-reload and repair what differs. */
        REPAIR_DRIFT,
        /** The daemons lost their configuration: reload it whole, whatever frr-reload finds to change. */
        RESTORE
    }

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
    private static final int MAX_RELOAD_PASSES = 3;

    private final Layout layout;
    private final ConfigRenderer renderer;
    private final FrrReload reload;
    private final Vtysh vtysh;
    private final VtyBatch vty;

    private volatile FrrConfig applied;
    private volatile String appliedText;
    /** FRR runs {@link #applied} exactly, as far as we know: a delta from it is safe. */
    private boolean inSync;

    Applier(Layout layout, ConfigRenderer renderer, FrrReload reload, Vtysh vtysh, VtyBatch vty) {
        this.layout = layout;
        this.renderer = renderer;
        this.reload = reload;
        this.vtysh = vtysh;
        this.vty = vty;
    }

    Optional<FrrConfig> applied() {
        return Optional.ofNullable(applied);
    }

    ApplyResult apply(FrrConfig config, Mode mode) {
        Instant start = Instant.now();
        Set<String> secrets = new HashSet<>(SecretMasker.secretsOf(config));
        applied().ifPresent(a -> secrets.addAll(SecretMasker.secretsOf(a)));
        try {
            String text = renderer.render(config);
            if (mode == Mode.APPLY && inSync && text.equals(appliedText)) {
                return result(Outcome.UNCHANGED, "configuration already applied", start);
            }
            // raw snippets are text, not objects: a change of them is not diffed, frr-reload computes it
            if (mode == Mode.APPLY && inSync && config.rawSnippets().equals(applied.rawSnippets())) {
                Optional<ApplyResult> delta = applyDelta(config, text, secrets, start);
                if (delta.isPresent()) {
                    return delta.get();
                }
                inSync = false;
            }
            return applyWhole(config, text, mode, secrets, start);
        } catch (FrrException e) {
            inSync = false;
            return failed(e.getMessage(), secrets, start);
        }
    }

    /** Empty when FRR refused the delta or runs something else afterwards: the caller reloads the whole configuration. */
    private Optional<ApplyResult> applyDelta(FrrConfig config, String text, Set<String> secrets, Instant start) {
        FrrDelta.Batch batch = FrrDelta.between(applied, config, renderer);
        try {
            Layout.writePrivate(layout.candidateFile(), text);
            List<String> refused = vty.send(batch.commands());
            if (!refused.isEmpty()) {
                LOG.warn("FRR refused {} of a delta of {} command(s); reloading the whole configuration: {}", refused.size(),
                        batch.commands().size(), SecretMasker.mask(String.join("; ", refused), secrets));
                return Optional.empty();
            }
            // the raw snippets did not change; lines they add to a touched context count as differences
            List<String> differences = differencesFromRunning(renderer.render(config.withRawSnippets(List.of())),
                    batch.touched());
            if (!differences.isEmpty()) {
                LOG.warn("FRR does not run what a delta of {} command(s) should have set; reloading the whole configuration: {}",
                        batch.commands().size(), SecretMasker.mask(String.join("; ", differences), secrets));
                return Optional.empty();
            }
            Layout.writePrivate(layout.persistedFile(), text);
        } catch (FrrException e) {
            LOG.warn("FRR delta failed; reloading the whole configuration: {}", SecretMasker.mask(e.getMessage(), secrets));
            return Optional.empty();
        }
        remember(config, text);
        ApplyResult result = result(Outcome.APPLIED, batch.commands().size() + " command(s) sent", start);
        LOG.info("FRR configuration applied in {} ms ({})", result.duration().toMillis(), result.message());
        return Optional.of(result);
    }

    /**
     * Each touched context in the running configuration of the daemon that holds it (a route map in
     * zebra's and in bgpd's), and our top-level lines in zebra's.
     */
    private List<String> differencesFromRunning(String expected, Set<String> touched) {
        Map<String, Set<String>> touchedByDaemon = new TreeMap<>(Map.of("zebra", new HashSet<>()));
        for (String header : touched) {
            VtyBatch.owners(header).forEach(d -> touchedByDaemon.computeIfAbsent(d, k -> new HashSet<>()).add(header));
        }
        List<String> differences = new ArrayList<>();
        vty.runningConfigs(touchedByDaemon.keySet()).forEach((daemon, running) -> RunningConfigCheck.differences(expected, running,
                touchedByDaemon.get(daemon), daemon.equals("zebra")).forEach(d -> differences.add(daemon + ": " + d)));
        return differences;
    }

    private ApplyResult applyWhole(FrrConfig config, String text, Mode mode, Set<String> secrets, Instant start) {
        String running = mode == Mode.APPLY && inSync ? appliedText : runningConfigSnapshot();
        String before = appliedText != null ? appliedText : running;
        Duration timeout = WorkTimeout.forLines(Math.max(WorkTimeout.lines(text), WorkTimeout.lines(running)));
        Layout.writePrivate(layout.candidateFile(), text);
        FrrReload.Test test = reload.test(layout.candidateFile(), timeout);
        if (!test.ok()) {
            return failed(RawSnippetBlame.blame(config, renderer, "FRR rejected the configuration: " + test.output()), secrets,
                    start);
        }
        if (mode != Mode.RESTORE && test.changes().isEmpty()) {
            remember(config, text);
            return result(Outcome.UNCHANGED, "FRR already runs this configuration", start);
        }
        if (mode == Mode.REPAIR_DRIFT) {
            LOG.warn("FRR drifted from the applied configuration ({} line(s) differ); repairing", test.changes().size());
        }
        if (mode == Mode.RESTORE) {
            restoreRouteMapsOfBgpd(config);
        }
        Commands.Result reloaded;
        try {
            reloaded = applyIntermediateStages(config, running, timeout);
            if (reloaded.ok()) {
                Layout.writePrivate(layout.candidateFile(), text);
                reloaded = reloadUntilTaken(timeout);
            }
        } catch (FrrException e) {
            reloaded = new Commands.Result(1, e.getMessage());
        }
        if (!reloaded.ok()) {
            return failed(RawSnippetBlame.blame(config, renderer, "FRR rejected the configuration: " + reloaded.output()) + "\n"
                    + rollBack(before, timeout, secrets), secrets, start);
        }
        remember(config, text);
        ApplyResult result = result(Outcome.APPLIED, test.changes().size() + " line(s) changed", start);
        LOG.info("FRR configuration applied in {} ms ({})", result.duration().toMillis(), result.message());
        return result;
    }

    /**
     * Gives a bgpd the supervisor just restarted its part of the applied configuration at once (route maps and
     * BGP instances, through its vty as interactive commands): with graceful restart on, the new bgpd must have
     * it before its sessions come back, and not as a configuration file, whose end makes FRR 8.4's bgpd tell
     * zebra its routes are complete a second later, sessions or not, and zebra then sweeps the routes it kept.
     * The full restore follows and repairs whatever this missed.
     */
    void bootBgpd() {
        FrrConfig config = applied;
        if (config == null) {
            return;
        }
        List<String> commands = bgpdPolicies(config);
        for (BgpRouter router : config.routers()) {
            renderer.router(router).lines().filter(line -> !line.strip().equals("!")).forEach(commands::add);
        }
        try {
            List<String> refused = vty.send(commands);
            if (!refused.isEmpty()) {
                LOG.warn("FRR bgpd refused {} of {} command(s) of its configuration after its restart: {}", refused.size(),
                        commands.size(), SecretMasker.mask(String.join("; ", refused), SecretMasker.secretsOf(config)));
            }
        } catch (FrrException e) {
            LOG.warn("FRR bgpd: its configuration could not be given back at once after its restart: {}",
                    SecretMasker.mask(e.getMessage(), SecretMasker.secretsOf(config)));
        }
    }

    /**
     * vtysh's running configuration shows a route map as long as any daemon has it, so after bgpd
     * alone restarted, frr-reload sees the route maps in zebra and does not give them back to
     * bgpd, whose sessions then deny every route in and out. The same goes for the route maps and
     * prefix lists of raw snippets.
     */
    private void restoreRouteMapsOfBgpd(FrrConfig config) {
        List<String> policies = bgpdPolicies(config);
        if (!policies.isEmpty()) {
            vtysh.configure("bgpd", policies);
        }
    }

    /** The route maps bgpd needs, OpenPE's and the raw snippets' (with their prefix lists). */
    private List<String> bgpdPolicies(FrrConfig config) {
        List<String> policies = new ArrayList<>(renderer.routeMaps(config));
        policies.addAll(renderer.rawPolicies(config));
        return policies;
    }

    /** Applies the {@link ApplyStages} on the way to {@code config}; stops at the first that FRR does not take. */
    private Commands.Result applyIntermediateStages(FrrConfig config, String running, Duration timeout) {
        Commands.Result reloaded = new Commands.Result(0, "");
        for (ApplyStages.Stage stage : ApplyStages.before(config, running)) {
            LOG.info("FRR: {}", stage.reason());
            Layout.writePrivate(layout.candidateFile(), renderer.render(stage.config()));
            reloaded = reloadUntilTaken(timeout);
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
    private Commands.Result reloadUntilTaken(Duration timeout) {
        Commands.Result reloaded = reload.reload(layout.candidateFile(), timeout);
        for (int pass = 1; reloaded.ok(); pass++) {
            List<String> residue = reload.test(layout.candidateFile(), timeout).changes();
            if (residue.isEmpty()) {
                return reloaded;
            }
            if (pass == MAX_RELOAD_PASSES) {
                return new Commands.Result(1, "FRR did not take these changes: " + String.join("\n", residue));
            }
            LOG.info("FRR reload left {} line(s) to change; reloading again", residue.size());
            reloaded = reload.reload(layout.candidateFile(), timeout);
        }
        return reloaded;
    }

    private void remember(FrrConfig config, String text) {
        appliedText = text;
        applied = config;
        inSync = true;
    }

    /** Reloads {@code before}; FRR's state is known again only when that worked. */
    private String rollBack(String before, Duration timeout, Set<String> secrets) {
        Layout.writePrivate(layout.rollbackFile(), before);
        Commands.Result restored;
        try {
            restored = reload.reload(layout.rollbackFile(), timeout);
        } catch (FrrException e) {
            restored = new Commands.Result(1, e.getMessage());
        }
        inSync = restored.ok() && applied != null;
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
        return body.lines().filter(l -> !l.equals("end")).collect(Collectors.joining("\n", "", "\n"));
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
