package dev.mkw.kernel.ipc;

import dev.mkw.kernel.tcb.Tcb;

/**
 * The partner a send phase names, as the kernel resolved it from the TO register: a thread
 * (the TCB its ID's number selects, possibly stale: the IPC's lookup checks the version),
 * with the badge of the capability used, or an interrupt thread.
 */
public record Partner(Tcb thread, long id, long badge, int irqLine) {
    public static Partner thread(Tcb t, long id, long badge) {
        return new Partner(t, id, badge, -1);
    }

    public static Partner interrupt(int line, long id) {
        return new Partner(null, id, 0, line);
    }
}
