package org.openpe.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.MovedNic.Phase;
import org.openpe.core.engine.kernel.KernelChange;
import org.openpe.core.engine.kernel.KernelChange.MoveLink;
import org.openpe.core.engine.kernel.KernelChange.RestoreHostRoutes;
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
 *
 * <p>The handover changes nothing itself: {@link #plan} returns the moves as kernel changes
 * ({@link MoveLink}, {@link RestoreHostRoutes}), each recorded as begun, which the pass applies in
 * its one loop; {@link #settle} then records those the kernel made as done.
 */
final class NicHandover {

    private static final Logger LOG = LoggerFactory.getLogger(NicHandover.class);

    /**
     * @param wantedProblem why the NIC the underlay names is not in the router namespace, if it is not
     * @param otherProblems why a NIC no longer named could not be handed back (it stays recorded), or
     *     why the state could not be read
     */
    record Outcome(Optional<String> wantedProblem, List<String> otherProblems) {}

    /**
     * The moves of one pass, in order, each already recorded as begun: applied through the kernel,
     * then {@linkplain #settle settled}.
     *
     * @param adoptions a line per NIC found in the router namespace unrecorded, and recorded now
     */
    record Moves(List<KernelChange> changes, List<String> adoptions, List<MovedNic> records,
            Map<MoveLink, Optional<MovedNic>> completions, List<String> wantedProblems, List<String> otherProblems) {}

    private final NicStateFile state;

    NicHandover(NicStateFile state) {
        this.state = state;
    }

    /**
     * Plans the moves that bring the wanted NICs into the router namespace and hand the others back,
     * recording each as begun ({@link Phase#MOVING_IN}, {@link Phase#MOVING_OUT}) before it is returned.
     *
     * @param wanted the NICs the underlay in force names (two ToRs: two NICs); each is moved or handed
     *     back on its own: a NIC that is missing or cannot be recorded, or a hand-back, leaves the others alone
     */
    Moves plan(NicKernel kernel, List<String> wanted) {
        NicStateFile.Loaded loaded = state.load();
        Moves moves = new Moves(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(loaded.nics()),
                new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        loaded.problem().ifPresent(problem -> moves.otherProblems().add(problem + ": the NICs moved before are not"
                + " known; the one the underlay names is kept in " + kernel.routerNamespace() + " if it is there"));
        for (MovedNic record : List.copyOf(moves.records())) {
            if (!record.namespace().equals(kernel.routerNamespace())) {
                moves.otherProblems().add("NIC " + record.nic() + " was moved into namespace " + record.namespace()
                        + ", no longer the router namespace: hand it back by hand (ip -n " + record.namespace()
                        + " link set " + record.nic() + " netns 1), then remove it from " + state.path());
            } else if (!wanted.contains(record.nic())) {
                try {
                    planHandBack(kernel, record, moves).ifPresent(moves.otherProblems()::add);
                } catch (RuntimeException e) {
                    moves.otherProblems().add(handBackFailed(record.nic(), e.getMessage()));
                }
            }
        }
        for (String nic : wanted) {
            planTakeIn(kernel, nic, moves).ifPresent(moves.wantedProblems()::add);
        }
        return moves;
    }

    /**
     * Records the moves the kernel made as done; those that failed stay recorded as begun, and the
     * next pass completes them.
     *
     * @param failed the changes of {@code moves} the kernel refused, each with why
     */
    Outcome settle(Moves moves, Map<KernelChange, String> failed) {
        List<String> wantedProblems = new ArrayList<>(moves.wantedProblems());
        List<String> otherProblems = new ArrayList<>(moves.otherProblems());
        moves.completions().forEach((move, done) -> {
            boolean in = move.to() == Netns.ROUTER;
            if (failed.containsKey(move)) {
                (in ? wantedProblems : otherProblems).add(in
                        ? "moving NIC " + move.name() + " into the router namespace failed: " + failed.get(move)
                        : handBackFailed(move.name(), failed.get(move)));
                return;
            }
            try {
                done.ifPresentOrElse(record -> record(moves.records(), record), () -> {
                    moves.records().removeIf(r -> r.nic().equals(move.name()));
                    state.save(moves.records());
                });
            } catch (RuntimeException e) {
                otherProblems.add("NIC " + move.name() + " moved, but the move cannot be recorded (completed again on"
                        + " the next pass): " + e.getMessage());
            }
        });
        otherProblems.forEach(problem -> LOG.warn("{}", problem));
        return new Outcome(wantedProblems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wantedProblems)),
                otherProblems);
    }

    /** What {@link #plan} would do, one line per NIC, without moving or recording anything. */
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

    private Optional<String> planHandBack(NicKernel kernel, MovedNic record, Moves moves) {
        Optional<Netns> where = kernel.locate(record.nic());
        if (where.isEmpty()) {
            return Optional.of("NIC " + record.nic() + " is to be handed back to the host but exists neither there nor in "
                    + kernel.routerNamespace() + " (still recorded in " + state.path() + ")");
        }
        try {
            record(moves.records(), record.in(Phase.MOVING_OUT));
        } catch (RuntimeException e) {
            return Optional.of("NIC " + record.nic() + " not handed back: " + e.getMessage());
        }
        MoveLink move = new MoveLink(record.nic(), where.get(), Netns.HOST, record.addresses(),
                "hand NIC " + record.nic() + " back to the host with " + describe(record));
        moves.changes().add(move);
        if (!record.routes().isEmpty()) {
            moves.changes().add(new RestoreHostRoutes(record.nic(), record.routes()));
        }
        moves.completions().put(move, Optional.empty());
        return Optional.empty();
    }

    private Optional<String> planTakeIn(NicKernel kernel, String nic, Moves moves) {
        List<MovedNic> records = moves.records();
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
            moves.adoptions().add("adopt NIC " + nic + ", found in " + kernel.routerNamespace() + " unrecorded, with "
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
        MoveLink change = new MoveLink(nic, where.get(), Netns.ROUTER, move.addresses(),
                (recorded.isPresent() ? "complete moving NIC " : "move NIC ") + nic + " into "
                        + kernel.routerNamespace() + " with " + describe(move));
        moves.changes().add(change);
        moves.completions().put(change, Optional.of(move.in(Phase.IN)));
        return Optional.empty();
    }

    private static String handBackFailed(String nic, String why) {
        return "handing NIC " + nic + " back failed (tried again on the next pass): " + why;
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
