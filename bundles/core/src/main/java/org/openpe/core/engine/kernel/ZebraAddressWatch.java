package org.openpe.core.engine.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openpe.api.kernel.Address;
import org.openpe.frr.ZebraInterface;

/**
 * Finds addresses of OpenPE's router-namespace devices that the kernel has and zebra lost.
 *
 * <p>zebra can miss an address added right after its device was recreated and enslaved to a VRF
 * (FRRouting/frr#13630): the kernel routes with it, but zebra never resolves next hops over it and
 * BGP sessions on that device stay in Active. Re-adding the address makes the kernel announce it
 * again. An address counts as lost only when zebra knows the device under the kernel's current
 * ifindex and has gone without the address for {@link #FIRST_REPAIR_AFTER} (zebra lists an IPv6
 * address only once duplicate address detection has finished); each further repair of the same
 * address waits twice as long, up to {@link #LONGEST_WAIT}, so a zebra that never learns cannot make
 * OpenPE flap the address.
 *
 * <p>Not thread-safe: used by the reconcile thread only.
 */
public final class ZebraAddressWatch {

    static final Duration FIRST_REPAIR_AFTER = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private record Lost(Address address, int ifindex) {}

    private record Watch(Instant since, int repairs) {}

    private final Map<Lost, Watch> watched = new HashMap<>();

    /**
     * Compares the declared router-namespace addresses present in the kernel with zebra's view and
     * returns the changes that re-add those due now. The others zebra lacks are remembered until they are due.
     */
    public List<KernelChange.ReAddAddress> due(Collection<Address> declared, KernelView router, List<ZebraInterface> zebra,
            Instant now) {
        Map<String, ZebraInterface> zebraByName = zebra.stream()
                .collect(Collectors.toMap(ZebraInterface::name, i -> i, (a, b) -> a));
        Map<Lost, Watch> stillLost = new HashMap<>();
        List<KernelChange.ReAddAddress> due = new ArrayList<>();
        for (Address address : declared) {
            lost(Cidr.normalize(address), router, zebraByName).ifPresent(lost -> {
                Watch watch = watched.getOrDefault(lost, new Watch(now, 0));
                if (!now.isBefore(watch.since().plus(wait(watch.repairs())))) {
                    due.add(new KernelChange.ReAddAddress(lost.address()));
                    watch = new Watch(now, watch.repairs() + 1);
                }
                stillLost.put(lost, watch);
            });
        }
        watched.clear();
        watched.putAll(stillLost);
        return due;
    }

    /** When the earliest address zebra lacks becomes due, if any is being watched. */
    public Optional<Instant> nextDue() {
        return watched.values().stream().map(w -> w.since().plus(wait(w.repairs()))).min(Instant::compareTo);
    }

    private static Optional<Lost> lost(Address address, KernelView router, Map<String, ZebraInterface> zebra) {
        Optional<ObservedLink> link = router.link(address.device());
        ZebraInterface known = zebra.get(address.device());
        if (link.isEmpty() || known == null || known.index() != link.get().index()
                || !router.hasAddress(address)
                || known.addresses().stream().anyMatch(a -> Cidr.normalize(a).equals(address.cidr()))) {
            return Optional.empty();
        }
        return Optional.of(new Lost(address, link.get().index()));
    }

    private static Duration wait(int repairs) {
        Duration wait = FIRST_REPAIR_AFTER.multipliedBy(1L << Math.min(repairs, 16));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
