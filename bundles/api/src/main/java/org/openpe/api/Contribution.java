package org.openpe.api;

import java.util.List;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.kernel.KernelObject;

/**
 * What one resource needs on this node. Several resources may declare the same kernel object (an
 * L3VNI and an L2VNI sharing a VRF); the core merges equal declarations and reports a conflict
 * when two declarations of the same object differ.
 */
public record Contribution(List<KernelObject> kernel, FrrFragment frr) {

    public static final Contribution EMPTY = new Contribution(List.of(), FrrFragment.EMPTY);

    public Contribution {
        kernel = List.copyOf(kernel);
    }
}
