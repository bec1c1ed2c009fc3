package org.openpe.core.engine.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.LinkKind;
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
 * <p>Once zebra has been seen to have an address on the device as it is (same ifindex), the address
 * is not asked about again until the device is recreated or the address removed and added: a pass
 * with nothing new asks zebra nothing, and one that added a VNI asks only about that VNI's VRF.
 *
 * <p>Not thread-safe: used by the reconcile thread only.
 */
public final class ZebraAddressWatch {

    static final Duration FIRST_REPAIR_AFTER = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    /** An address on a device as the kernel has it now. */
    private record OnDevice(Address address, int ifindex) {}

    private record Watch(Instant since, int repairs) {}

    private final Map<OnDevice, Watch> watched = new HashMap<>();
    private final Set<OnDevice> confirmed = new HashSet<>();

    /**
     * The declared addresses the kernel has that zebra has not yet been seen to have on the device
     * as it is now: those {@link #due} must be given zebra's view of.
     */
    public List<Address> unconfirmed(Collection<Address> declared, KernelView router) {
        Set<OnDevice> present = new HashSet<>();
        List<Address> unconfirmed = new ArrayList<>();
        for (Address address : declared) {
            onDevice(Cidr.normalize(address), router).ifPresent(onDevice -> {
                present.add(onDevice);
                if (!confirmed.contains(onDevice)) {
                    unconfirmed.add(address);
                }
            });
        }
        confirmed.retainAll(present);
        return unconfirmed;
    }

    /** The VRFs of the devices of {@code addresses} ({@code default} for a device in none): where zebra is to look. */
    public static Set<String> vrfsOf(Collection<Address> addresses, KernelView router) {
        return addresses.stream().map(a -> router.link(a.device()).flatMap(l -> l.link().master())
                .filter(master -> router.link(master).filter(m -> m.link().kind() instanceof LinkKind.Vrf).isPresent())
                .orElse("default")).collect(Collectors.toSet());
    }

    /**
     * Compares the declared router-namespace addresses present in the kernel with zebra's view and
     * returns the changes that re-add those due now. The others zebra lacks are remembered until they are due.
     */
    public List<KernelChange.ReAddAddress> due(Collection<Address> declared, KernelView router, List<ZebraInterface> zebra,
            Instant now) {
        Map<String, ZebraInterface> zebraByName = zebra.stream()
                .collect(Collectors.toMap(ZebraInterface::name, i -> i, (a, b) -> a));
        Map<OnDevice, Watch> stillLost = new HashMap<>();
        List<KernelChange.ReAddAddress> due = new ArrayList<>();
        for (Address declaredAddress : declared) {
            Address address = Cidr.normalize(declaredAddress);
            Optional<OnDevice> onDevice = onDevice(address, router);
            ZebraInterface known = zebraByName.get(address.device());
            if (onDevice.isEmpty() || known == null || known.index() != onDevice.get().ifindex()) {
                continue; // zebra has not caught up with the device yet, or the kernel lacks the address
            }
            if (known.addresses().stream().anyMatch(a -> Cidr.normalize(a).equals(address.cidr()))) {
                confirmed.add(onDevice.get());
                continue;
            }
            Watch watch = watched.getOrDefault(onDevice.get(), new Watch(now, 0));
            if (!now.isBefore(watch.since().plus(wait(watch.repairs())))) {
                due.add(new KernelChange.ReAddAddress(address));
                watch = new Watch(now, watch.repairs() + 1);
            }
            stillLost.put(onDevice.get(), watch);
        }
        watched.clear();
        watched.putAll(stillLost);
        return due;
    }

    /** When the earliest address zebra lacks becomes due, if any is being watched. */
    public Optional<Instant> nextDue() {
        return watched.values().stream().map(w -> w.since().plus(wait(w.repairs()))).min(Instant::compareTo);
    }

    private static Optional<OnDevice> onDevice(Address address, KernelView router) {
        return router.link(address.device()).filter(link -> router.hasAddress(address))
                .map(link -> new OnDevice(address, link.index()));
    }

    private static Duration wait(int repairs) {
        Duration wait = FIRST_REPAIR_AFTER.multipliedBy(1L << Math.min(repairs, 16));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
