package dev.mkw.kernel.ipc;

import java.util.List;

/**
 * A message as it travels: the tag (label, untyped and typed counts) and the evaluated
 * words and map items. {@link #sender} is the sending thread's ID as the receiver sees it.
 */
public record Message(long label, long[] words, List<MapRequest> maps, int sender, String senderName, String protocol,
        long faultAddress, int faultKind, boolean timedOut, long badge, List<CapRequest> caps, int capSlot,
        List<StringRequest> strings, long stringBytes, int error) {

    /** A message without capability naming: no badge, no capabilities. */
    public Message(long label, long[] words, List<MapRequest> maps, int sender, String senderName, String protocol,
            long faultAddress, int faultKind, boolean timedOut) {
        this(label, words, maps, sender, senderName, protocol, faultAddress, faultKind, timedOut, 0, List.of(), -1, List.of(), 0, 0);
    }

    /** A string item: {@code length} bytes at the sender's {@code address}. */
    public record StringRequest(long address, long length) {}

    /** The message as delivered, with the bytes of string items copied. */
    public Message withStringBytes(long n) {
        return new Message(label, words, maps, sender, senderName, protocol, faultAddress, faultKind, timedOut, badge, caps, capSlot, strings, n, error);
    }

    /** A capability item: copy the sender's capability in {@code slot} with at most {@code rights}. */
    public record CapRequest(int slot, int rights) {}

    /** The message as sent through a gate with {@code badge}. */
    public Message withBadge(long b) {
        return new Message(label, words, maps, sender, senderName, protocol, faultAddress, faultKind, timedOut, b, caps, capSlot, strings, stringBytes, error);
    }

    /** The message as delivered, with the receiver's slot of the first transferred capability. */
    public Message withCapSlot(int slot) {
        return new Message(label, words, maps, sender, senderName, protocol, faultAddress, faultKind, timedOut, badge, caps, slot, strings, stringBytes, error);
    }

    /** A map or grant item with the sender's fpage evaluated. */
    public record MapRequest(long base, int sizeLog2, int rights, boolean grant, long sendBase) {}

    /**
     * L4 X.2 IPC error codes (the ErrorCode register): bit 0 is the phase (0 send, 1
     * receive), bits 1..3 the reason. A failed IPC binds a message whose {@code error} field
     * a program can test.
     */
    public static final int SEND_PHASE = 0, RECEIVE_PHASE = 1;
    public static final int TIMEOUT = 1, NON_EXISTING_PARTNER = 2, CANCELED = 3, MESSAGE_OVERFLOW = 4, ABORTED = 7;

    /** The result of a failed IPC: no content, the error code with its phase. */
    public static Message failed(String name, int reason, int phase) {
        return new Message(0, new long[0], List.of(), 0, name, null, 0, 0, reason == TIMEOUT, 0, List.of(), -1, List.of(), 0, (reason << 1) | phase);
    }

    /** A receive timeout. */
    public static Message timeout(String name) {
        return failed(name, TIMEOUT, RECEIVE_PHASE);
    }

    /** The message as delivered with an error (a string overflowed the receiver's buffer). */
    public Message withError(int reason, int phase) {
        return new Message(label, words, maps, sender, senderName, protocol, faultAddress, faultKind, timedOut, badge, caps, capSlot, strings, stringBytes, (reason << 1) | phase);
    }

    /** The message tag word MR0: label in bits 16..63, typed count 6..11, untyped count 0..5 (L4 X.2). */
    public long tag() {
        return (label << 16) | ((long) (maps.size() * 2) << 6) | words.length;
    }

    /** Short: fits the registers of the fast path (no typed items, at most {@link #REGISTER_WORDS} words). */
    public boolean isShort() {
        return maps.isEmpty() && caps.isEmpty() && strings.isEmpty() && words.length <= REGISTER_WORDS;
    }

    /** Untyped words the x86 fast path passes in registers (Pistachio ia32: MR0..MR2 in registers). */
    public static final int REGISTER_WORDS = 2;
}
