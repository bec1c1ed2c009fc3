package org.openpe.frr;

import java.util.OptionalInt;

/**
 * A VNI known to zebra, from {@code show evpn vni json}.
 *
 * @param type {@code L2} or {@code L3}
 * @param vxlanInterface the VXLAN device, {@code None} while zebra has not seen it
 * @param tenantVrf the VRF the VNI routes in
 * @param remoteVteps number of remote VTEPs (L2 VNIs only)
 */
public record EvpnVni(long vni, String type, String vxlanInterface, String tenantVrf, int macs, OptionalInt remoteVteps) {}
