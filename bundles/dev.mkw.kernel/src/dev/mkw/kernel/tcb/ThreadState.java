package dev.mkw.kernel.tcb;

/** The states of a TCB (Microkernel Construction I.12, "TCB"). */
public enum ThreadState {
    RUNNING, READY,
    /** Blocked in the send phase: waiting for the partner to receive. */
    SENDING,
    /** Blocked in the receive phase: waiting for a message (closed or open wait). */
    RECEIVING,
    /** Blocked waiting for notification bits. */
    WAITING_NOTIFY,
    /** Blocked on a page fault: the page-fault IPC went to the pager; waiting for its reply. */
    PAGE_FAULT,
    /** Ended (its behaviour ran out, or it was stopped by an error). */
    DEAD
}
