package org.openpe.api.frr;

/**
 * BGP graceful restart of a BGP instance ({@code bgp graceful-restart}).
 *
 * @param restartTime seconds the peers keep our routes while we restart, 1..4095 (FRR's default {@value #DEFAULT_RESTART_TIME})
 * @param stalePathTime seconds we keep a restarting peer's routes, 1..4095 (FRR's default {@value #DEFAULT_STALE_PATH_TIME})
 */
public record GracefulRestart(int restartTime, int stalePathTime) {

    public static final int DEFAULT_RESTART_TIME = 120;
    public static final int DEFAULT_STALE_PATH_TIME = 360;
    public static final int MAX_TIME = 4095;

    public GracefulRestart {
        Words.requireRange(restartTime, 1, MAX_TIME, "graceful restart time");
        Words.requireRange(stalePathTime, 1, MAX_TIME, "graceful restart stale path time");
    }
}
