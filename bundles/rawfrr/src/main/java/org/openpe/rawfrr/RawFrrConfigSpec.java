package org.openpe.rawfrr;

/**
 * A RawFRRConfig as written in {@code etc/org.openpe.rawfrrconfig-<name>.cfg}; the component names
 * are the keys.
 *
 * @param priority unset: 0
 * @param rawConfig several lines are written with {@code \n} in a {@code .cfg} value
 */
public record RawFrrConfigSpec(Long priority, String rawConfig) {}
