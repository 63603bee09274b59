package dev.mkw.kernel.ipc;

import dev.mkw.kernel.thread.Tcb;

/**
 * The partner a send phase names, as the kernel resolved it from the TO register: a thread
 * (the TCB its ID's number selects, possibly stale: the IPC's lookup checks the version),
 * with the badge of the capability used, or an interrupt thread.
 */
public record Partner(Tcb thread, long id, long badge, int irqLine, boolean canGrant) {
    /** A partner named by thread ID (L4 X.2: no rights to check beyond the ID). */
    public static Partner thread(Tcb t, long id, long badge) {
        return new Partner(t, id, badge, -1, true);
    }

    /** A partner named through a capability with {@code canGrant}: whether the message may carry capabilities. */
    public static Partner thread(Tcb t, long id, long badge, boolean canGrant) {
        return new Partner(t, id, badge, -1, canGrant);
    }

    public static Partner interrupt(int line, long id) {
        return new Partner(null, id, 0, line, false);
    }
}
