package org.openpe.netlink;

/**
 * An interface address as the kernel reports it (one RTM_NEWADDR).
 *
 * @param linkIndex ifindex of the device
 * @param prefix    the local address with its prefix length
 * @param flags     IFA_F_* flags (from IFA_FLAGS when present)
 * @param scope     RT_SCOPE_* value (0 global, 253 link, 254 host)
 * @param label     IFA_LABEL (IPv4 only); empty when absent
 */
public record Addr(int linkIndex, IpPrefix prefix, int flags, int scope, String label) {
}
