package dev.mkw.kernel;

import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;

/** Explains a deadlock: who waits for whom, so the user sees the cycle in their protocol. */
final class Deadlock {
    private Deadlock() {}

    /** Every thread left is a server in an open wait (receive from anybody, no timeout). */
    static boolean onlyServersWaiting(Kernel k) {
        for (Tcb t : k.threads()) {
            if (t.state == ThreadState.DEAD) continue;
            if (t.state != ThreadState.RECEIVING || t.partner != ThreadId.NIL || t.timeoutEvent != null) return false;
        }
        return true;
    }

    static String describe(Kernel k) {
        StringBuilder b = new StringBuilder("deadlock: every thread is blocked and no timeout or interrupt can wake one:");
        for (Tcb t : k.threads()) {
            if (t.state == ThreadState.DEAD || (t == k.sigma0Thread() && t.state == ThreadState.RECEIVING)) continue;
            b.append("\n    ").append(t.name).append(' ');
            switch (t.state) {
                case SENDING -> b.append("sends to ").append(name(k, t.partner));
                case RECEIVING -> b.append(t.partner == ThreadId.NIL ? "waits for a message from anybody" : "receives from " + name(k, t.partner));
                case WAITING_NOTIFY -> b.append("waits for notification bits 0x").append(Long.toHexString(t.notifyMask));
                case PAGE_FAULT -> b.append("waits for its pager/exception handler ").append(name(k, t.partner));
                default -> b.append(t.state.name().toLowerCase());
            }
        }
        return b.toString();
    }

    private static String name(Kernel k, int id) {
        for (Tcb t : k.threads()) if (t.id == id) return t.name;
        int n = ThreadId.number(id);
        return n < k.machine().interruptController().lines() ? "IRQ " + n : ThreadId.format(id);
    }
}
