package dev.mkw.sim;

/** What a trace event records. */
public enum TraceKind {
    KERNEL_ENTRY, KERNEL_EXIT,
    IPC_SEND, IPC_RECEIVE,
    THREAD_SWITCH,
    PAGE_FAULT, MAP, GRANT, UNMAP,
    IRQ_RAISED, IRQ_DELIVERED,
    TLB_FLUSH,
    EXCEPTION,
    NOTIFY,
    THREAD_STATE,
    /** ExchangeRegisters: one thread cancelled or aborted another's IPC (value: the error code given). */
    EXREGS,
    USER_ERROR,
    /** An inter-processor interrupt sent (partner: the target processor; value: its number; detail: the request). */
    IPI,
    /** A thread moved to another processor (value: the new processor). */
    MIGRATE
}
