package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.BfdPeer;
import org.openpe.frr.BgpNeighborState;
import org.openpe.frr.DaemonState;
import org.openpe.frr.EvpnRoute;
import org.openpe.frr.EvpnVni;
import org.openpe.frr.FrrInstance;
import org.openpe.frr.FrrListener;
import org.openpe.frr.FrrSettings;
import org.openpe.frr.ZebraInterface;

/**
 * An FRR instance that answers each apply as {@link #answer} says (applied, or unchanged when it is
 * the configuration applied last, unless told otherwise) and keeps every configuration it applied. For unit tests of the engine's logic; end-to-end tests
 * run the real FRR.
 */
final class FakeFrr implements FrrInstance {

    final List<FrrConfig> applied = new ArrayList<>();
    Function<FrrConfig, ApplyResult> answer = config -> result(
            appliedConfig().filter(config::equals).isPresent() ? ApplyResult.Outcome.UNCHANGED : ApplyResult.Outcome.APPLIED, "");
    List<ZebraInterface> zebra = List.of();

    static ApplyResult result(ApplyResult.Outcome outcome, String message) {
        return new ApplyResult(outcome, message, Instant.now(), Duration.ofMillis(1));
    }

    /** Refuses every configuration with a BGP instance for {@code vrf}, as FRR refusing that VRF's part. */
    FakeFrr refusingVrf(String vrf, String message) {
        answer = config -> config.vrfRouters().stream().anyMatch(r -> r.vrf().equals(Optional.of(vrf)))
                ? result(ApplyResult.Outcome.FAILED, message) : result(ApplyResult.Outcome.APPLIED, "");
        return this;
    }

    @Override
    public CompletableFuture<ApplyResult> apply(FrrConfig config) {
        ApplyResult result = answer.apply(config);
        if (result.outcome() == ApplyResult.Outcome.APPLIED) {
            applied.add(config);
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public List<ZebraInterface> interfaces() {
        return zebra;
    }

    @Override
    public FrrSettings settings() {
        return FrrSettings.forNamespace("perouter");
    }

    @Override
    public Optional<ApplyResult> lastResult() {
        return Optional.empty();
    }

    @Override
    public Optional<FrrConfig> appliedConfig() {
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    @Override
    public Optional<String> appliedConfigText() {
        return appliedConfig().map(FrrConfig::toString);
    }

    @Override
    public String displayText(FrrConfig config) {
        return config.toString();
    }

    @Override
    public List<String> delta(FrrConfig from, FrrConfig to) {
        return List.of();
    }

    @Override
    public String runningConfig() {
        return appliedConfigText().orElse("");
    }

    @Override
    public List<DaemonState> daemons() {
        return List.of();
    }

    @Override
    public List<BgpNeighborState> bgpNeighbors() {
        return List.of();
    }

    @Override
    public List<EvpnVni> evpnVnis() {
        return List.of();
    }

    @Override
    public List<EvpnRoute> evpnRoutes() {
        return List.of();
    }

    @Override
    public List<BfdPeer> bfdPeers() {
        return List.of();
    }

    @Override
    public void addListener(FrrListener listener) {}

    @Override
    public void removeListener(FrrListener listener) {}

    @Override
    public void stopDaemons() {}

    @Override
    public void close() {}
}
