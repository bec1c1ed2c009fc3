package org.openpe.netlink.internal.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds attributes by type in a run of like messages, e.g. the ~45 attributes of each message of a link
 * dump of which a decoder wants a few. Finding them needs a walk from header to header, and each step must
 * load a header before it knows where the next one is: that dependent chain dominates decoding a dump.
 * The kernel lays out the messages of like devices identically, so this remembers the layout of the last
 * message walked and first compares the next message's headers at those offsets, loads that do not depend
 * on one another. A message whose headers all match (and whose length does) has exactly that layout.
 * Not thread-safe.
 */
final class AttributeIndex {
    private static final int ABSENT = -1;

    /** Per type below the capacity: offset from the first attribute of the indexed message, or ABSENT. */
    private final int[] relative;
    private int[] layoutOffsets = new int[64];
    private int[] layoutHeaders = new int[64];
    /** Attributes in the remembered layout; -1 when there is none. */
    private int layoutCount = -1;
    private int layoutLength;
    private int base;

    /** Indexes attribute types {@code 0 .. types - 1}; others are skipped. */
    AttributeIndex(int types) {
        relative = new int[types];
    }

    /**
     * Indexes the attributes between {@code from} and {@code end}; a later duplicate of a type wins.
     * {@code from} is above 0 (attributes follow a message or attribute header), so 0 can mean absent.
     */
    AttributeIndex of(ByteBuffer b, int from, int end) {
        base = from;
        if (!sameLayout(b, from, end)) {
            learn(b, from, end);
        }
        return this;
    }

    /** The offset of the attribute of {@code type} in the indexed message, 0 when absent. */
    int offset(int type) {
        int offset = relative[type];
        return offset == ABSENT ? 0 : base + offset;
    }

    private boolean sameLayout(ByteBuffer b, int from, int end) {
        if (layoutCount < 0 || end - from != layoutLength) {
            return false;
        }
        for (int i = 0; i < layoutCount; i++) {
            if (b.getInt(from + layoutOffsets[i]) != layoutHeaders[i]) {
                return false;
            }
        }
        return true;
    }

    private void learn(ByteBuffer b, int from, int end) {
        Arrays.fill(relative, ABSENT);
        int count = 0;
        int a = from;
        for (; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            int type = NlAttrs.type(b, a);
            if (type < relative.length) {
                relative[type] = a - from;
            }
            if (count == layoutOffsets.length) {
                layoutOffsets = Arrays.copyOf(layoutOffsets, count * 2);
                layoutHeaders = Arrays.copyOf(layoutHeaders, count * 2);
            }
            layoutOffsets[count] = a - from;
            layoutHeaders[count] = b.getInt(a);
            count++;
        }
        // A malformed tail stops the walk depending on its content, which the layout does not cover.
        boolean wellFormed = a >= end;
        layoutCount = wellFormed ? count : -1;
        layoutLength = end - from;
    }
}
