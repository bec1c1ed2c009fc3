package org.openpe.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openpe.api.kernel.Netns;
import org.openpe.core.engine.kernel.NetlinkKernel;

/**
 * Moves the underlay NIC into the router namespace with its addresses, and hands it back to the
 * host with its addresses when the underlay no longer names it. Which NICs OpenPE moved is kept in
 * a file, so that a restart neither forgets to hand one back nor takes one it never moved.
 */
final class NicHandover {

    private final Path stateFile;

    NicHandover(Path stateFile) {
        this.stateFile = stateFile;
    }

    /**
     * @param wanted the NIC the underlay in force names
     * @param changes receives a line per move
     * @return why the wanted NIC cannot be moved, if it cannot
     */
    Optional<String> reconcile(NetlinkKernel kernel, Optional<String> wanted, List<String> changes) {
        Set<String> moved = load();
        for (String nic : List.copyOf(moved)) {
            if (wanted.filter(nic::equals).isPresent()) {
                continue;
            }
            if (kernel.exists(Netns.ROUTER, nic)) {
                List<String> addresses = kernel.move(nic, Netns.ROUTER, Netns.HOST);
                changes.add("hand NIC " + nic + " back to the host with " + describe(addresses));
            }
            moved.remove(nic);
        }
        Optional<String> problem = Optional.empty();
        if (wanted.isPresent()) {
            String nic = wanted.get();
            if (kernel.exists(Netns.ROUTER, nic)) {
                moved.add(nic);
            } else if (kernel.exists(Netns.HOST, nic)) {
                List<String> addresses = kernel.move(nic, Netns.HOST, Netns.ROUTER);
                moved.add(nic);
                changes.add("move NIC " + nic + " into " + kernel.routerNamespace() + " with " + describe(addresses));
            } else {
                problem = Optional.of("NIC " + nic + " exists neither in the host namespace nor in "
                        + kernel.routerNamespace());
            }
        }
        save(moved);
        return problem;
    }

    /** What {@link #reconcile} would move, one line per NIC, without moving anything. */
    List<String> planned(NetlinkKernel kernel, Optional<String> wanted) {
        List<String> moves = new ArrayList<>();
        for (String nic : load()) {
            if (wanted.filter(nic::equals).isEmpty() && kernel.exists(Netns.ROUTER, nic)) {
                moves.add("hand NIC " + nic + " back to the host with its addresses");
            }
        }
        wanted.filter(nic -> !kernel.exists(Netns.ROUTER, nic)).ifPresent(nic -> moves.add(kernel.exists(Netns.HOST, nic)
                ? "move NIC " + nic + " into " + kernel.routerNamespace() + " with its addresses"
                : "NIC " + nic + " exists neither in the host namespace nor in " + kernel.routerNamespace()));
        return moves;
    }

    private static String describe(List<String> addresses) {
        return addresses.isEmpty() ? "no address" : String.join(", ", addresses);
    }

    private Set<String> load() {
        try {
            return Files.exists(stateFile) ? new LinkedHashSet<>(Files.readAllLines(stateFile).stream()
                    .map(String::trim).filter(l -> !l.isEmpty()).toList()) : new LinkedHashSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
    }

    private void save(Set<String> moved) {
        try {
            Files.createDirectories(stateFile.getParent());
            Files.write(stateFile, new ArrayList<>(moved));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }
}
