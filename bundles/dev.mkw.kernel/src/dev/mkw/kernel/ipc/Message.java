package dev.mkw.kernel.ipc;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.kernel.abi.Abi;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.Utcb;

/**
 * A message as the kernel reads it out of a sender's message registers: the tag, the
 * untyped words and the typed items. The kernel builds its own messages (page fault,
 * exception, interrupt) the same way, in the faulting thread's registers.
 */
public record Message(MessageTag tag, long[] words, List<TypedItem> items) {

    /** The message in {@code u}'s MR0.. (registers and UTCB alike; the transfer charges the accesses). */
    public static Message read(Utcb u) {
        MessageTag tag = MessageTag.decode(u.mr(0));
        int n = Math.min(tag.untypedWords(), Utcb.MRS - 1);
        long[] words = new long[n];
        for (int i = 0; i < n; i++) words[i] = u.mr(1 + i);
        if (tag.typedWords() == 0) return new Message(tag, words, List.of());
        List<TypedItem> items = new ArrayList<>();
        for (int i = 1 + n; i + 1 < 1 + n + tag.typedWords() && i + 1 < Utcb.MRS; i += 2) items.add(TypedItem.decode(u.mr(i), u.mr(i + 1)));
        return new Message(tag, words, items);
    }

    /** Write a kernel-generated message into {@code u}'s message registers. */
    public static void write(Utcb u, long label, long... words) {
        u.setMr(0, new MessageTag(label, false, 0, words.length).encode());
        for (int i = 0; i < words.length; i++) u.setMr(1 + i, words[i]);
    }

    /**
     * The untyped message as a receiving program reads it after a call that bypasses IPC's
     * transfer (LRPC's A-stack, a cross-domain call through address-space tags): its words in
     * {@code to}'s MR1.., a tag without typed items in MR0, no error and no capability, and the
     * sender's ID (no badge) in its registers. The callers charge the accesses their mechanism makes.
     */
    public void landUntyped(dev.mkw.kernel.thread.Tcb from, dev.mkw.kernel.thread.Tcb to) {
        for (int i = 0; i < words.length; i++) to.utcb.setMr(1 + i, words[i]);
        to.utcb.setMr(0, new MessageTag(label(), false, 0, words.length).encode());
        to.utcb.setErrorCode(0);
        to.utcb.setReceivedCap(-1);
        to.regs.set(dev.mkw.kernel.abi.UserRegisters.FROM, from.id & 0xFFFF_FFFFL);
        to.regs.set(dev.mkw.kernel.abi.UserRegisters.BADGE, 0);
    }

    public long label() { return tag.label(); }

    /**
     * Short: no typed items, and every untyped word in a register, so the fast path may take it;
     * where the kernel's counted path copies the words from UTCB to UTCB (Fiasco's do_ipc), any
     * number of them.
     */
    public boolean isShort(Abi abi) {
        return items.isEmpty() && (abi.utcbMessages() || words.length <= abi.registerWords());
    }

    public <T extends TypedItem> List<T> items(Class<T> type) {
        List<T> l = new ArrayList<>();
        for (TypedItem i : items) if (type.isInstance(i)) l.add(type.cast(i));
        return l;
    }
}
