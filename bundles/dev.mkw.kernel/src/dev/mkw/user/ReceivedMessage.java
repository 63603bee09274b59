package dev.mkw.user;

import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.scenario.SourceRef;

/**
 * A message as a program bound it ({@code as x}): copied out of the thread's registers and
 * UTCB right after the IPC returned, as an L4 library copies MRs into its own variables.
 * {@link #field} answers the scenario language's {@code x.FIELD}.
 */
public record ReceivedMessage(MessageTag tag, long[] words, long sender, long badge, long capSlot, long stringBytes, long errorCode) {

    /** Copy the result of the IPC that just returned to the thread. */
    static ReceivedMessage copyOut(UserRegisters r, Utcb u) {
        MessageTag tag = MessageTag.decode(u.mr(0));
        int n = Math.min(tag.untypedWords(), Utcb.MRS - 1);
        long[] words = new long[n];
        for (int i = 0; i < n; i++) words[i] = u.mr(1 + i);
        long strings = 0;
        for (int i = 1 + n; i + 1 < Math.min(1 + n + tag.typedWords(), Utcb.MRS); i += 2) {
            if (TypedItem.decode(u.mr(i), u.mr(i + 1)) instanceof TypedItem.StringItem s) strings += s.length();
        }
        return new ReceivedMessage(tag, words, r.get(UserRegisters.FROM), r.get(UserRegisters.BADGE), u.receivedCap(), strings,
                tag.error() ? u.errorCode() : 0);
    }

    public long label() { return tag.label(); }

    /** The L4 error code (reason << 1 | phase), 0 when the IPC succeeded. */
    public long error() { return errorCode; }

    public boolean timedOut() { return field("", "timedout", null) != 0; }

    /** The notification bits a notification wait returned. */
    public long bits() { return field("", "bits", null); }

    /** The IRQ line of an interrupt message, or -1. */
    public long irq() { return field("", "irq", null); }

    boolean isPageFault() { return MessageTag.is(tag.label(), MessageTag.PAGE_FAULT); }

    boolean isException() { return MessageTag.is(tag.label(), MessageTag.EXCEPTION); }

    boolean isInterrupt() { return MessageTag.is(tag.label(), MessageTag.INTERRUPT); }

    /** The value of {@code x.NAME}; {@code var} names the message in errors. */
    long field(String var, String name, SourceRef at) {
        if (name.startsWith("w") && name.length() > 1 && name.length() < 5 && name.substring(1).chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(name.substring(1));
            if (i >= words.length) throw new Evaluator.UserError("message '" + var + "' has " + words.length + " words; w" + i + " does not exist", at);
            return words[i];
        }
        switch (name) {
            case "label": return tag.label();
            case "words": return words.length;
            case "addr": return isPageFault() && words.length > 0 ? words[0] : 0;
            case "access": return isPageFault() ? tag.label() & 7 : 0;
            case "timedout": return IpcError.reason(errorCode) == IpcError.TIMEOUT && errorCode != 0 ? 1 : 0;
            case "sender": return sender;
            case "badge": return badge;
            case "cap": return capSlot;
            case "string": return stringBytes;
            case "bits": return MessageTag.is(tag.label(), MessageTag.NOTIFICATION) && words.length > 0 ? words[0] : 0;
            case "irq": return isInterrupt() ? ThreadId.number((int) sender) : -1;
            case "exception": {
                long v = tag.label() & 0xF;
                return isException() ? (v == 0xF ? -1 : v) : -1;
            }
            case "ip":
                // Exception IPC: MR1 (w0); page-fault IPC (L4 X.2 layout): MR2 (w1).
                if (isException() && words.length > 0) return words[0];
                if (isPageFault() && words.length > 1) return words[1];
                throw new Evaluator.UserError("'" + var + "' is not an exception or page-fault message: it has no field 'ip'", at);
            case "error": return errorCode;
            default: throw new Evaluator.UserError("messages have no field '" + name + "'", at);
        }
    }
}
