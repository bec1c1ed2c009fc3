package org.openpe.api.kernel;

/** The two network namespaces OpenPE works in. */
public enum Netns {
    /** The namespace the runtime was started in (the host's own stack). */
    HOST,
    /** The router namespace the runtime creates and runs FRR in. */
    ROUTER
}
