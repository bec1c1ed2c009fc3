package org.openpe.core.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Routing table ids of VRFs. A VRF that exists keeps its table (so tables are stable across
 * restarts and reconciles); a new one gets the lowest free id from {@value #FIRST}.
 */
public final class VrfTables {

    static final int FIRST = 1000;

    private final Map<String, Integer> tables;
    private final Set<Integer> used;
    /** No id below it is free: ids are only ever taken. */
    private int lowestFree = FIRST;

    /** @param existing VRF name to table id, as the kernel reports them */
    public VrfTables(Map<String, Integer> existing) {
        this.tables = new HashMap<>(existing);
        this.used = new HashSet<>(existing.values());
    }

    public synchronized int tableOf(String vrf) {
        return tables.computeIfAbsent(vrf, name -> {
            while (used.contains(lowestFree)) {
                lowestFree++;
            }
            used.add(lowestFree);
            return lowestFree;
        });
    }
}
