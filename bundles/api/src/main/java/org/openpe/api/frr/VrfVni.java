package org.openpe.api.frr;

/** {@code vrf <vrf>} / {@code vni <vni>}: binds an L3VNI to its VRF in zebra. */
public record VrfVni(String vrf, long vni) {}
