package dev.mkw.kernel.abi;

/**
 * The typed items of a message, two words each after the untyped words (L4 X.2 reference
 * manual, "Map Item", "Grant Item", "String Item"): word 0 carries the type in its low 4
 * bits, word 1 the fpage or the address. Capability items are MKW's encoding of seL4's
 * extra capabilities (type 0xE, reserved in X.2): word 0 the rights, word 1 the sender's slot.
 */
public sealed interface TypedItem {
    int MAP = 0x8, GRANT = 0xA, CAP = 0xE, STRING = 0x0;

    long word0();

    long word1();

    /** A map or grant item: the send fpage (word 1) and the send base or hot spot (word 0). */
    record MapItem(long fpage, long sendBase, boolean grant) implements TypedItem {
        public long word0() { return (sendBase & ~0x3FFL) | (grant ? GRANT : MAP); }
        public long word1() { return fpage; }
    }

    /** A simple string item: {@code length} bytes at {@code address}. */
    record StringItem(long address, long length) implements TypedItem {
        public long word0() { return (length << 10) | STRING; }
        public long word1() { return address; }
    }

    /** A capability item: copy the capability in the sender's {@code slot} with at most {@code rights}. */
    record CapItem(int slot, int rights) implements TypedItem {
        public long word0() { return ((long) rights << 4) | CAP; }
        public long word1() { return slot; }
    }

    static TypedItem decode(long w0, long w1) {
        int type = (int) (w0 & 0xF);
        return switch (type) {
            case MAP, GRANT -> new MapItem(w1, w0 & ~0x3FFL, type == GRANT);
            case CAP -> new CapItem((int) w1, (int) ((w0 >>> 4) & 0x3F));
            default -> new StringItem(w1, w0 >>> 10);
        };
    }
}
