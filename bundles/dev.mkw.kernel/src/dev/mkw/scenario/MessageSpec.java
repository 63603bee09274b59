package dev.mkw.scenario;

import java.util.List;

/**
 * An IPC message as the sender builds it in its message registers: MR0 holds the label
 * and the counts of untyped words and typed items (L4 X.2 message tag); untyped words
 * follow; typed items (map, grant, string, capability) come last.
 *
 * @param protocol the protocol message it conforms to ({@code Echo.request}), or null
 * @param label    the label in the message tag
 * @param words    untyped words
 * @param items    typed items
 */
public record MessageSpec(String protocol, Expr label, List<Expr> words, List<Item> items) {

    public static final MessageSpec EMPTY = new MessageSpec(null, new Expr.Const(0), List.of(), List.of());

    public MessageSpec {
        words = List.copyOf(words);
        items = List.copyOf(items);
    }

    /** A typed message item. */
    public sealed interface Item {}

    /**
     * Map or grant the sender's fpage at {@code base} of size 2^{@code sizeLog2} with at
     * most {@code rights}; {@code sendBase} positions it when the receive window is larger
     * (the L4 "hot spot").
     */
    public record MapItem(Expr base, int sizeLog2, String rights, boolean grant, Expr sendBase) implements Item {}

    /** Copy {@code length} bytes from the sender's {@code address} into the receiver's string buffer. */
    public record StringItem(Expr address, Expr length) implements Item {}

    /** Transfer (derive) the capability in the sender's {@code slot} with at most {@code rights}. */
    public record CapItem(int slot, String rights) implements Item {}
}
