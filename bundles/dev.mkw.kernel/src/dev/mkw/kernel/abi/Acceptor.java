package dev.mkw.kernel.abi;

import dev.mkw.kernel.memory.Fpage;

/**
 * BR0, the acceptor of a receive (L4 X.2 reference manual, "Acceptor"): the receive window
 * fpage in bits 4..63 (nil: no mappings accepted) and bit 0, accept string items; then BR1
 * (the buffer's length << 10) and BR2 (its address) describe the one string buffer MKW's
 * receivers offer.
 */
public record Acceptor(Fpage window, boolean strings, long bufferAddress, long bufferLength) {
    public static final Acceptor NONE = new Acceptor(Fpage.NIL, false, 0, 0);

    public void store(Utcb u) {
        u.setBr(0, (window.encode() & ~0xFL) | (strings ? 1 : 0));
        u.setBr(1, strings ? bufferLength << 10 : 0);
        u.setBr(2, strings ? bufferAddress : 0);
    }

    public static Acceptor load(Utcb u) {
        long br0 = u.br(0);
        long w = br0 & ~0xFL;
        Fpage window = w == 0 ? Fpage.NIL : Fpage.decode(w | Fpage.RWX);
        boolean strings = (br0 & 1) != 0;
        return new Acceptor(window, strings, strings ? u.br(2) : 0, strings ? u.br(1) >>> 10 : 0);
    }
}
