package org.openpe.core.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.frr.ZebraInterface;

class ZebraAddressWatchTest {

    private static final int PE_INDEX = 17;
    private static final Address V4 = new Address(Netns.ROUTER, "pe-300", "192.169.10.1/24");
    private static final Address V6 = new Address(Netns.ROUTER, "pe-300", "2001:DB8:0::1/64");
    private static final KernelView KERNEL = new KernelView(Netns.ROUTER,
            List.of(new ObservedLink(Link.of(Netns.ROUTER, "pe-300", new LinkKind.Veth("host-300", Netns.HOST))
                    .withMaster("red"), PE_INDEX, Ownership.LINK_GROUP)),
            List.of(V4, V6), List.of(), Map.of());
    private static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    private final ZebraAddressWatch watch = new ZebraAddressWatch();

    @Test
    void addressesZebraHasAreLeftAloneWhateverTheirSpelling() {
        assertEquals(List.of(), watch.due(List.of(V4, V6), KERNEL, zebra(PE_INDEX, "192.169.10.1/24", "2001:db8::1/64"), T0));
        assertEquals(Optional.empty(), watch.nextDue());
    }

    @Test
    void anAddressZebraLacksIsReAddedOnlyOnceItHasBeenMissingForTenSeconds() {
        List<ZebraInterface> onlyIpv6 = zebra(PE_INDEX, "2001:db8::1/64");

        assertEquals(List.of(), watch.due(List.of(V4, V6), KERNEL, onlyIpv6, T0));
        assertEquals(Optional.of(T0.plusSeconds(10)), watch.nextDue());
        assertEquals(List.of(), watch.due(List.of(V4, V6), KERNEL, onlyIpv6, T0.plusSeconds(9)));
        assertEquals(List.of(new KernelChange.ReAddAddress(V4)), watch.due(List.of(V4, V6), KERNEL, onlyIpv6, T0.plusSeconds(10)));
    }

    @Test
    void eachFurtherRepairOfTheSameAddressWaitsTwiceAsLongUpToTenMinutes() {
        List<ZebraInterface> none = zebra(PE_INDEX);
        Instant now = T0;
        watch.due(List.of(V4), KERNEL, none, now);
        for (long wait : new long[] {10, 20, 40, 80, 160, 320, 600, 600}) {
            assertEquals(List.of(), watch.due(List.of(V4), KERNEL, none, now.plusSeconds(wait - 1)), "after " + wait + " s");
            now = now.plusSeconds(wait);
            assertEquals(List.of(new KernelChange.ReAddAddress(V4)), watch.due(List.of(V4), KERNEL, none, now), "after " + wait + " s");
        }
    }

    @Test
    void anAddressZebraRegainsIsForgottenAndALaterLossWaitsTenSecondsAgain() {
        watch.due(List.of(V4), KERNEL, zebra(PE_INDEX), T0);
        watch.due(List.of(V4), KERNEL, zebra(PE_INDEX), T0.plusSeconds(10));

        watch.due(List.of(V4), KERNEL, zebra(PE_INDEX, "192.169.10.1/24"), T0.plusSeconds(15));
        assertEquals(Optional.empty(), watch.nextDue());

        assertEquals(List.of(), watch.due(List.of(V4), KERNEL, zebra(PE_INDEX), T0.plusSeconds(100)));
        assertEquals(List.of(new KernelChange.ReAddAddress(V4)), watch.due(List.of(V4), KERNEL, zebra(PE_INDEX), T0.plusSeconds(110)));
    }

    @Test
    void nothingIsWatchedWhileZebraHasNotCaughtUpWithTheDeviceOrTheKernelLacksTheAddress() {
        assertEquals(List.of(), watch.due(List.of(V4), KERNEL, zebra(PE_INDEX - 2), T0), "zebra knows the previous pe-300");
        assertEquals(List.of(), watch.due(List.of(V4), KERNEL, List.of(), T0), "zebra does not know pe-300");
        Address notYetAdded = new Address(Netns.ROUTER, "pe-300", "192.169.11.1/24");
        assertEquals(List.of(), watch.due(List.of(notYetAdded), KERNEL, zebra(PE_INDEX), T0));
        assertEquals(Optional.empty(), watch.nextDue());
    }

    @Test
    void aRecreatedDeviceStartsItsOwnWait() {
        watch.due(List.of(V4), KERNEL, zebra(PE_INDEX), T0);
        KernelView recreated = new KernelView(Netns.ROUTER,
                List.of(new ObservedLink(KERNEL.links().get(0).link(), PE_INDEX + 4, Ownership.LINK_GROUP)),
                List.of(V4), List.of(), Map.of());

        assertEquals(List.of(), watch.due(List.of(V4), recreated, zebra(PE_INDEX + 4), T0.plusSeconds(10)));
        assertEquals(List.of(new KernelChange.ReAddAddress(V4)), watch.due(List.of(V4), recreated, zebra(PE_INDEX + 4), T0.plusSeconds(20)));
    }

    @Test
    void anAddressZebraWasSeenToHaveIsNotAskedAboutAgainUntilItsDeviceIsRecreated() {
        assertEquals(List.of(V4, V6), watch.unconfirmed(List.of(V4, V6), KERNEL));
        watch.due(List.of(V4, V6), KERNEL, zebra(PE_INDEX, "192.169.10.1/24"), T0);

        assertEquals(List.of(V6), watch.unconfirmed(List.of(V4, V6), KERNEL), "zebra lacks the IPv6 address");
        KernelView recreated = new KernelView(Netns.ROUTER,
                List.of(new ObservedLink(KERNEL.links().get(0).link(), PE_INDEX + 4, Ownership.LINK_GROUP)),
                List.of(V4, V6), List.of(), Map.of());
        assertEquals(List.of(V4, V6), watch.unconfirmed(List.of(V4, V6), recreated));
        assertEquals(Set.of("red"), ZebraAddressWatch.vrfsOf(List.of(V4), KERNEL_WITH_VRF));
        assertEquals(Set.of("default"), ZebraAddressWatch.vrfsOf(List.of(V4), KERNEL), "red is no VRF device there");
    }

    private static final KernelView KERNEL_WITH_VRF = new KernelView(Netns.ROUTER,
            List.of(KERNEL.links().get(0), new ObservedLink(Link.of(Netns.ROUTER, "red", new LinkKind.Vrf(1001)), 5,
                    Ownership.LINK_GROUP)),
            List.of(V4, V6), List.of(), Map.of());

    private static List<ZebraInterface> zebra(int index, String... addresses) {
        return List.of(new ZebraInterface("lo", 1, "default", List.of()),
                new ZebraInterface("pe-300", index, "red", List.of(addresses)));
    }
}
