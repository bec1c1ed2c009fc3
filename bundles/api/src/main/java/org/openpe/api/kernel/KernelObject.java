package org.openpe.api.kernel;

/** A kernel object the core creates, fixes or removes so that the kernel matches the declaration. */
public sealed interface KernelObject permits Link, Address, Route, Sysctl {

    /** Identity of the object: two declarations with the same key describe the same object. */
    String key();

    Netns netns();
}
