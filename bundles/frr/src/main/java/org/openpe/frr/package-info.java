/**
 * FRRouting for OpenPE: render, apply, supervise and observe the FRR instance of a router
 * namespace.
 *
 * <p>Entry point: the OSGi service {@link org.openpe.frr.FrrManager}. The core obtains one
 * {@link org.openpe.frr.FrrInstance} per router namespace:
 *
 * <pre>{@code
 * @Reference FrrManager frr;
 *
 * FrrInstance instance = frr.instance(FrrSettings.forNamespace("perouter")   // creates or adopts the daemons
 *         .withSupervise(nodeSettings.superviseFrr()).withLogLevel(nodeSettings.logLevel()));
 * instance.addListener(new FrrListener() {
 *     public void daemonRestarted(FrrInstance i, String daemon, long pid) { ... }
 * });
 * ApplyResult result = instance.apply(mergedFrrConfig).join();    // APPLIED, UNCHANGED, FAILED or SUPERSEDED
 * List<BgpNeighborState> sessions = instance.bgpNeighbors();      // node status
 * }</pre>
 *
 * <p>The configuration is the typed model of {@code org.openpe.api.frr}; the core merges the
 * resources' {@link org.openpe.api.frr.FrrFragment fragments} into one
 * {@link org.openpe.api.frr.FrrConfig}, which renders to the same text whatever the merge order.
 *
 * <p>Daemons ({@code zebra -s 90000000}, {@code bgpd}, {@code staticd}, {@code bfdd}) run with
 * {@code -N <pathspace> -d -F traditional -P 0}, entered into the namespace with
 * {@code nsenter --net}; when systemd runs the machine, each in a transient scope unit of its own
 * ({@code openpe-frr-<pathspace>-<daemon>-<millis>.scope}), outside the cgroup of the service. They
 * outlive the runtime: closing an instance or stopping, restarting or a crash of the service leaves
 * them running, a new runtime adopts them through their pid files, and BGP sessions survive
 * upgrades. Only {@link org.openpe.frr.FrrInstance#stopDaemons()} kills them.
 *
 * <p>Supervision: a daemon that dies is started again, at once the first time, then after a
 * back-off (1 s, doubling, at most 30 s) while it keeps going within a minute of its start; one
 * that does not answer on its vty socket for 60 s is killed and started again.
 * {@link org.openpe.frr.DaemonState} (1.2) tells both.
 *
 * <p>Planning (1.4): {@link org.openpe.frr.FrrInstance#delta} computes the commands an apply would
 * send, without sending them.
 */
@Export
@Version("1.6.0")
package org.openpe.frr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
