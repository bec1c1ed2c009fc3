package org.openpe.netlink.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class AttributeIndexTest {
    private static final int MTU = 4;
    private static final int NAME = 3;
    /** Stands in for a message: a nested attribute holding the attributes to index. */
    private static final int MESSAGE = 99;

    private final AttributeIndex index = new AttributeIndex(6);

    @Test
    void findsTheLastAttributeOfEachWantedTypeAndSkipsTheRest() {
        NlWriter w = new NlWriter(256).reset().u32(1, 0);  // stands in for the message header
        int from = w.length();
        w.u32(MTU, 1500);          // at from
        w.string(NAME, "vx-100");  // at from + 8, 12 bytes with padding
        w.u8(40, 1);               // type beyond the index: skipped
        w.u32(MTU, 9000);          // duplicate: the later one wins
        w.u32(1, 7);

        AttributeIndex at = index.of(w.buffer(), from, w.length());

        assertEquals(from + 28, at.offset(MTU));
        assertEquals(9000, NlAttrs.u32(w.buffer(), at.offset(MTU)));
        assertEquals("vx-100", NlAttrs.string(w.buffer(), at.offset(NAME)));
        assertEquals(from + 36, at.offset(1));
        assertEquals(0, at.offset(2));
        assertEquals(0, at.offset(5));
    }

    @Test
    void stopsAtAnAttributeThatOverrunsTheEnd() {
        NlWriter w = new NlWriter(64).reset().u32(5, 0);
        int from = w.length();
        w.u32(1, 1).u32(2, 2);

        AttributeIndex at = index.of(w.buffer(), from, w.length() - 1);

        assertEquals(from, at.offset(1));
        assertEquals(0, at.offset(2));
    }

    @Test
    void aMessageLaidOutLikeThePreviousOneIsIndexedAtItsOwnPlace() {
        String[] names = {"va1", "vb1", "va22", "vb22", "va333", "va1"};
        NlWriter w = new NlWriter(512).reset().u32(1, 0);
        for (String name : names) {
            int message = w.nestStart(MESSAGE);
            w.string(NAME, name).u32(MTU, 1500 + name.length());
            w.nestEnd(message);
        }
        ByteBuffer b = w.buffer();

        int message = 8;
        for (String name : names) {
            AttributeIndex found = index.of(b, NlAttrs.payload(message), NlAttrs.end(b, message));
            assertEquals(name, NlAttrs.string(b, found.offset(NAME)));
            assertEquals(1500 + name.length(), NlAttrs.u32(b, found.offset(MTU)));
            message = NlAttrs.next(b, message);
        }
    }

    @Test
    void aMessageOfTheSameLengthWithOtherAttributesIsWalkedAgain() {
        NlWriter w = new NlWriter(128).reset().u32(5, 0);
        int first = w.length();
        w.u32(MTU, 1500).u32(1, 7);
        int second = w.length();
        w.u32(1, 7).u32(MTU, 9000);
        ByteBuffer b = w.buffer();

        index.of(b, first, second);
        AttributeIndex at = index.of(b, second, w.length());

        assertEquals(second + 8, at.offset(MTU));
        assertEquals(second, at.offset(1));
    }

    @Test
    void aMalformedTailIsNotTakenAsTheLayoutOfTheNextMessage() {
        NlWriter w = new NlWriter(128).reset().u32(5, 0);
        int first = w.length();
        w.u32(1, 7);
        w.buffer().putInt(w.length(), 0);  // a 4-byte tail whose length field (0) is invalid
        int second = w.length() + 4;
        ByteBuffer b = w.buffer();
        b.putShort(second, (short) 8).putShort(second + 2, (short) 1).putInt(second + 4, 7);
        b.putShort(second + 8, (short) 4).putShort(second + 10, (short) 2);  // same length, valid empty attribute

        index.of(b, first, second);
        AttributeIndex at = index.of(b, second, second + 12);

        assertEquals(second + 8, at.offset(2));
    }
}
