package org.openpe.api.definition;

/** What must be in force (besides valid node settings) before a resource of a type is realised. */
public enum Dependency {
    /** Nothing else. */
    NONE,
    /** A valid underlay. */
    UNDERLAY,
    /** A valid underlay with EVPN ({@code evpn.vtepcidr}). */
    EVPN
}
