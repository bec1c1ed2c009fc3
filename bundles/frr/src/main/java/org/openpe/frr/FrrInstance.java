package org.openpe.frr;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.openpe.api.frr.FrrConfig;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One FRR instance: the daemons of one pathspace in one router namespace.
 *
 * <p>Applying: {@link #apply} renders the configuration to
 * {@code <configDir>/<pathspace>/openpe-candidate.conf} (mode 0600). While FRR is known to run the
 * configuration applied last, only the difference between the two is sent, as commands straight to
 * the daemons' vty sockets, and the contexts it touched are then compared with FRR's running
 * configuration. Otherwise (first apply, a daemon restarted, a difference FRR refused or did not
 * take exactly) the whole file goes through {@code frr-reload.py --test} and {@code --reload}.
 * Applies run one at a time; while one runs, only the newest submitted configuration waits, older
 * waiting ones complete as {@link ApplyResult.Outcome#SUPERSEDED}. A configuration equal to the
 * last one applied, or (after a runtime restart) one that frr-reload finds nothing to change for,
 * completes as {@link ApplyResult.Outcome#UNCHANGED} without touching FRR, so BGP sessions are not
 * reset. When FRR rejects part of a configuration, the configuration that ran before is reloaded
 * and FRR's error text is returned. Every few minutes frr-reload also compares FRR with the applied
 * configuration and repairs what was changed behind the instance's back.
 *
 * <p>Observing: the query methods run {@code vtysh -N <pathspace>} and parse FRR's JSON; they throw
 * {@link FrrException} when FRR cannot be reached.
 *
 * <p>Passwords never appear in texts this interface returns: they are shown as {@code ****}.
 */
@ProviderType
public interface FrrInstance extends AutoCloseable {

    FrrSettings settings();

    /** Queues {@code config} for applying; the future completes when it is applied, unchanged, rejected or superseded. */
    CompletableFuture<ApplyResult> apply(FrrConfig config);

    /** The result of the last apply that was not superseded. */
    Optional<ApplyResult> lastResult();

    /** The configuration FRR runs, as last applied by this instance. */
    Optional<FrrConfig> appliedConfig();

    /** The rendering of {@link #appliedConfig()} with passwords masked. */
    Optional<String> appliedConfigText();

    /** The rendering of {@code config} with passwords masked: what would be applied, fit for display. */
    String displayText(FrrConfig config);

    /**
     * The commands that take FRR from {@code from} to {@code to}, in the order an apply sends them,
     * passwords masked; computes only, nothing is sent. Empty when both render alike.
     *
     * @since 1.4
     */
    List<String> delta(FrrConfig from, FrrConfig to);

    /** {@code show running-config}, passwords masked. */
    String runningConfig();

    /** zebra, bgpd, staticd and bfdd, each with its pid when it runs and what the supervisor does about it. */
    List<DaemonState> daemons();

    /** Every BGP session of every VRF and address family. */
    List<BgpNeighborState> bgpNeighbors();

    List<EvpnVni> evpnVnis();

    /** Every path of every EVPN route (types 2, 3 and 5). */
    List<EvpnRoute> evpnRoutes();

    List<BfdPeer> bfdPeers();

    /**
     * Every interface zebra knows, in every VRF, with the addresses zebra has on it. Comparing them
     * with the kernel's finds what zebra missed (FRR#13630: an address added right after its
     * device was recreated in a VRF can be lost by zebra).
     */
    List<ZebraInterface> interfaces();

    /**
     * The interfaces zebra knows in the named VRFs ({@code default} for the default VRF): what
     * {@link #interfaces()} returns of them, without making zebra print every interface of the node.
     *
     * @since 1.6
     */
    default List<ZebraInterface> interfaces(Set<String> vrfs) {
        return interfaces().stream().filter(i -> vrfs.contains(i.vrf())).toList();
    }

    void addListener(FrrListener listener);

    void removeListener(FrrListener listener);

    /**
     * Stops supervising and kills this pathspace's daemons by pid, which drops every BGP session.
     * For tests and explicit teardown only; {@link #close()} leaves the daemons running.
     */
    void stopDaemons();

    /** Stops supervising and applying; the daemons keep running. */
    @Override
    void close();
}
