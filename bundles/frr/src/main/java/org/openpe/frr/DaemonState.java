package org.openpe.frr;

import java.util.OptionalLong;

/** One FRR daemon of the instance: running with this pid, or not running. */
public record DaemonState(String name, OptionalLong pid) {

    public boolean running() {
        return pid.isPresent();
    }
}
