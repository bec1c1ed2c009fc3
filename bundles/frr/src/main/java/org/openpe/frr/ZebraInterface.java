package org.openpe.frr;

import java.util.List;

/**
 * An interface as zebra knows it, from {@code show interface vrf all json}.
 *
 * @param index the kernel's ifindex zebra recorded, which tells a recreated device from its predecessor
 * @param vrf the VRF zebra has the interface in ({@code default} outside any)
 * @param addresses the addresses zebra has on the interface, as FRR prints them ({@code 192.169.10.1/24});
 *     IPv6 addresses appear only once the kernel has finished duplicate address detection
 */
public record ZebraInterface(String name, int index, String vrf, List<String> addresses) {

    public ZebraInterface {
        addresses = List.copyOf(addresses);
    }
}
