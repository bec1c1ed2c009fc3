package org.openpe.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.MovedNic.Phase;
import org.openpe.core.engine.kernel.NicKernel;
import org.openpe.core.engine.kernel.NicRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the underlay's NICs into the router namespace with their addresses, and hands each back to
 * the host with its addresses and the host's routes through it when the underlay no longer names it.
 *
 * <p>Each step is recorded before it is taken ({@link NicStateFile}): the host's addresses and
 * routes are written before the NIC leaves, and a hand-back is recorded before it starts. A crash
 * at any point therefore leaves the NIC either in the host namespace with its addresses, or
 * recorded, and the next pass completes the interrupted step in whichever direction the underlay
 * then wants, with the recorded addresses (the kernel drops them on a move).
 */
final class NicHandover {

    private static final Logger LOG = LoggerFactory.getLogger(NicHandover.class);

    /**
     * @param wantedProblem why the NIC the underlay names is not in the router namespace, if it is not
     * @param otherProblems why a NIC no longer named could not be handed back (it stays recorded), or
     *     why the state could not be read
     */
    record Outcome(Optional<String> wantedProblem, List<String> otherProblems) {}

    private final NicStateFile state;

    NicHandover(NicStateFile state) {
        this.state = state;
    }

    /**
     * @param wanted the NICs the underlay in force names (two ToRs: two NICs); each is moved or handed
     *     back on its own: a NIC that is missing or cannot be recorded, or a hand-back, leaves the others alone
     * @param changes receives a line per move
     */
    Outcome reconcile(NicKernel kernel, List<String> wanted, List<String> changes) {
        NicStateFile.Loaded loaded = state.load();
        List<String> otherProblems = new ArrayList<>();
        loaded.problem().ifPresent(problem -> otherProblems.add(problem + ": the NICs moved before are not known;"
                + " the one the underlay names is kept in " + kernel.routerNamespace() + " if it is there"));
        List<MovedNic> records = new ArrayList<>(loaded.nics());
        for (MovedNic record : List.copyOf(records)) {
            if (!record.namespace().equals(kernel.routerNamespace())) {
                otherProblems.add("NIC " + record.nic() + " was moved into namespace " + record.namespace()
                        + ", no longer the router namespace: hand it back by hand (ip -n " + record.namespace()
                        + " link set " + record.nic() + " netns 1), then remove it from " + state.path());
            } else if (!wanted.contains(record.nic())) {
                try {
                    handBack(kernel, record, records, changes).ifPresent(otherProblems::add);
                } catch (RuntimeException e) {
                    otherProblems.add("handing NIC " + record.nic() + " back failed (tried again on the next pass): "
                            + e.getMessage());
                }
            }
        }
        List<String> wantedProblems = new ArrayList<>();
        for (String nic : wanted) {
            takeIn(kernel, nic, records, changes).ifPresent(wantedProblems::add);
        }
        otherProblems.forEach(problem -> LOG.warn("{}", problem));
        return new Outcome(wantedProblems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wantedProblems)),
                otherProblems);
    }

    /** What {@link #reconcile} would do, one line per NIC, without moving or recording anything. */
    List<String> planned(NicKernel kernel, Optional<String> wanted) {
        List<String> moves = new ArrayList<>();
        List<MovedNic> records = state.read().nics().stream()
                .filter(r -> r.namespace().equals(kernel.routerNamespace())).toList();
        for (MovedNic record : records) {
            if (wanted.filter(record.nic()::equals).isEmpty() && kernel.locate(record.nic()).isPresent()) {
                moves.add("hand NIC " + record.nic() + " back to the host with " + describe(record));
            }
        }
        wanted.ifPresent(nic -> {
            Optional<MovedNic> recorded = records.stream().filter(r -> r.nic().equals(nic)).findFirst();
            Optional<Netns> where = kernel.locate(nic);
            if (where.isEmpty()) {
                moves.add("NIC " + nic + " exists neither in the host namespace nor in " + kernel.routerNamespace());
            } else if (where.get() == Netns.HOST) {
                moves.add("move NIC " + nic + " into " + kernel.routerNamespace() + " with its addresses");
            } else if (recorded.isPresent() && recorded.get().phase() != Phase.IN) {
                moves.add("complete moving NIC " + nic + " into " + kernel.routerNamespace());
            }
        });
        return moves;
    }

    private Optional<String> handBack(NicKernel kernel, MovedNic record, List<MovedNic> records, List<String> changes) {
        Optional<Netns> where = kernel.locate(record.nic());
        if (where.isEmpty()) {
            return Optional.of("NIC " + record.nic() + " is to be handed back to the host but exists neither there nor in "
                    + kernel.routerNamespace() + " (still recorded in " + state.path() + ")");
        }
        try {
            record(records, record.in(Phase.MOVING_OUT));
        } catch (RuntimeException e) {
            return Optional.of("NIC " + record.nic() + " not handed back: " + e.getMessage());
        }
        if (where.get() == Netns.ROUTER) {
            kernel.move(record.nic(), Netns.ROUTER, Netns.HOST);
        }
        kernel.restore(Netns.HOST, record.nic(), record.addresses());
        List<String> refused = kernel.restoreHostRoutes(record.nic(), record.routes());
        records.removeIf(r -> r.nic().equals(record.nic()));
        state.save(records);
        changes.add("hand NIC " + record.nic() + " back to the host with " + describe(record));
        refused.forEach(route -> LOG.warn("NIC {} handed back, but its route {} was not restored", record.nic(), route));
        return Optional.empty();
    }

    private Optional<String> takeIn(NicKernel kernel, String nic, List<MovedNic> records, List<String> changes) {
        Optional<MovedNic> recorded = records.stream().filter(r -> r.nic().equals(nic)).findFirst();
        Optional<Netns> where = kernel.locate(nic);
        if (where.isEmpty()) {
            return Optional.of("NIC " + nic + " exists neither in the host namespace nor in " + kernel.routerNamespace());
        }
        if (recorded.isPresent() && recorded.get().phase() == Phase.IN && where.get() == Netns.ROUTER) {
            return Optional.empty();
        }
        MovedNic move;
        if (recorded.isPresent()) {
            move = recorded.get();
        } else if (where.get() == Netns.ROUTER) {
            // there without a record (the state was lost): its addresses there are all that is known
            MovedNic adopted = new MovedNic(nic, kernel.routerNamespace(), Phase.IN,
                    kernel.addresses(Netns.ROUTER, nic), List.of());
            try {
                record(records, adopted);
            } catch (RuntimeException e) {
                return Optional.of("NIC " + nic + " is in " + kernel.routerNamespace() + " but cannot be recorded: "
                        + e.getMessage());
            }
            changes.add("adopt NIC " + nic + ", found in " + kernel.routerNamespace() + " unrecorded, with "
                    + describe(adopted));
            return Optional.empty();
        } else {
            move = new MovedNic(nic, kernel.routerNamespace(), Phase.MOVING_IN,
                    kernel.addresses(Netns.HOST, nic), kernel.hostRoutes(nic));
        }
        try {
            record(records, move.in(Phase.MOVING_IN));
        } catch (RuntimeException e) {
            return Optional.of("NIC " + nic + " not moved into " + kernel.routerNamespace() + ": " + e.getMessage());
        }
        if (where.get() == Netns.HOST) {
            kernel.move(nic, Netns.HOST, Netns.ROUTER);
        }
        kernel.restore(Netns.ROUTER, nic, move.addresses());
        record(records, move.in(Phase.IN));
        changes.add((recorded.isPresent() ? "complete moving NIC " : "move NIC ") + nic + " into "
                + kernel.routerNamespace() + " with " + describe(move));
        return Optional.empty();
    }

    private void record(List<MovedNic> records, MovedNic record) {
        List<MovedNic> next = new ArrayList<>(records.stream().filter(r -> !r.nic().equals(record.nic())).toList());
        next.add(record);
        state.save(next);
        records.clear();
        records.addAll(next);
    }

    private static String describe(MovedNic nic) {
        String addresses = nic.addresses().isEmpty() ? "no address" : String.join(", ", nic.addresses());
        return nic.routes().isEmpty() ? addresses
                : addresses + " and route(s) " + String.join(", ", nic.routes().stream().map(NicRoute::toString).toList());
    }
}
