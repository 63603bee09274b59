package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.memory.Fpage;

/**
 * Typed items, two words each (L4 X.2 reference manual, "Map Item", "Grant Item", "String
 * Item"): word 0 holds the type in its low 4 bits (map 1000b, grant 1010b, simple string 0000b)
 * with the send base (map, grant) or the length (string) from bit 10 up; word 1 the send fpage or
 * the string's address. MKW's capability item (after seL4's extra capabilities) uses the type
 * 1110b, reserved in X.2, with the rights in bits 4..9 and the sender's slot in word 1.
 */
class TypedItemTest {

    @Test
    void mapAndGrantItemsCarryTypeSendBaseAndFpage() {
        long fpage = new Fpage(0x40_0000, 16, Fpage.R | Fpage.W).encode();
        TypedItem.MapItem map = new TypedItem.MapItem(fpage, 0x1234_5678L, false);
        assertEquals(0x8, map.word0() & 0xF);
        assertEquals(0x1234_5400L, map.word0() & ~0xFL, "the send base, bits 10 and up");
        assertEquals(fpage, map.word1());
        assertEquals(0xA, new TypedItem.MapItem(fpage, 0, true).word0() & 0xF);
    }

    @Test
    void stringAndCapabilityItems() {
        TypedItem.StringItem s = new TypedItem.StringItem(0x30000, 5000);
        assertEquals(5000L << 10, s.word0());
        assertEquals(0x30000, s.word1());
        TypedItem.CapItem c = new TypedItem.CapItem(3, 5);
        assertEquals((5 << 4) | 0xE, c.word0());
        assertEquals(3, c.word1());
    }

    @Test
    void everyItemDecodesToItself() {
        long fpage = new Fpage(0x10_0000, 12, Fpage.RWX).encode();
        TypedItem[] items = {new TypedItem.MapItem(fpage, 0x20_0400, false), new TypedItem.MapItem(fpage, 0, true),
            new TypedItem.StringItem(0xdead_0000L, 4096), new TypedItem.StringItem(0, 0), new TypedItem.CapItem(255, 7)};
        for (TypedItem i : items) assertEquals(i, TypedItem.decode(i.word0(), i.word1()), i.toString());
    }

    /** Words from user space decode to some item and never fail; a type with the low bit set (not one of MKW's) is read as a string. */
    @Test
    void anyTwoWordsDecode() {
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) assertInstanceOf(TypedItem.class, TypedItem.decode(r.nextLong(), r.nextLong()));
        assertInstanceOf(TypedItem.StringItem.class, TypedItem.decode(0x3, 0));
    }
}
