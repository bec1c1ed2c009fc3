package org.openpe.api.frr;

/** {@code vrf <vrf>} / {@code vni <vni>}: binds an L3VNI to its VRF in zebra. */
public record VrfVni(String vrf, long vni) {

    public VrfVni {
        Words.requireWord(vrf, "VRF name");
        if (vni < 1 || vni > 16_777_215) {
            throw new IllegalArgumentException("VNI of VRF " + vrf + " must be within 1..16777215, got " + vni);
        }
    }
}
