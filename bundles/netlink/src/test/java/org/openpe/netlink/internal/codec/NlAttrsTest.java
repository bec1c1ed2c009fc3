package org.openpe.netlink.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class NlAttrsTest {
    @Test
    void indexRecordsTheLastOffsetOfEachWantedTypeAndSkipsTheRest() {
        NlWriter w = new NlWriter(256).reset();
        w.begin(Rtm.NEWLINK, 0, 1);
        int from = w.length();
        w.u32(4, 1500);            // at from
        w.string(3, "vx-100");     // at from + 8, 12 bytes with padding
        w.u8(40, 1);               // type beyond the table: skipped
        w.u32(4, 9000);            // duplicate: the later one wins
        w.u32(7, 1);
        w.end();
        ByteBuffer b = w.buffer();

        int[] offsets = NlAttrs.index(b, from, w.length(), new int[]{-1, -1, -1, -1, -1, -1});

        assertArrayEquals(new int[]{0, 0, 0, from + 8, from + 28, 0}, offsets);
        assertEquals(9000, NlAttrs.u32(b, offsets[4]));
        assertEquals("vx-100", NlAttrs.string(b, offsets[3]));
    }

    @Test
    void indexStopsAtAnAttributeThatOverrunsTheEnd() {
        NlWriter w = new NlWriter(64).reset();
        w.begin(Rtm.NEWLINK, 0, 1);
        int from = w.length();
        w.u32(1, 1).u32(2, 2);
        w.end();

        int[] offsets = NlAttrs.index(w.buffer(), from, w.length() - 1, new int[3]);

        assertArrayEquals(new int[]{0, from, 0}, offsets);
    }
}
