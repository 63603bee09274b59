package dev.mkw.kernel.abi;

/**
 * The system calls of MKW's kernel, named as in the L4 X.2 reference manual (Ipc, Unmap,
 * ExchangeRegisters, ThreadControl) and seL4 (CNode_Revoke), plus the few that MKW adds
 * for what those kernels do through a root task or a library:
 * <ul>
 * <li>{@link #NOTIFY}/{@link #WAIT_NOTIFY}: asynchronous notification bits (L4Ka::Pistachio's
 * notify extension; seL4's Signal/Wait on a notification object);</li>
 * <li>{@link #THREAD_EXIT}: the calling thread ends (in L4 its task's root server would
 * delete it with ThreadControl; seL4: TCB_Suspend on itself);</li>
 * <li>{@link #KDEBUG}: a line for the run's report (L4's kernel debugger output, which
 * sigma0 uses to say why it refuses a fault);</li>
 * <li>{@link #DOMAIN_GRANT}: the grant of a cross-domain call a plugin's hardware makes without the kernel.</li>
 * </ul>
 * The arguments of each are documented at the constant; register names are those of
 * {@link UserRegisters}.
 */
public enum SystemCall {
    /**
     * L4 X.2 Ipc: send phase to {@code TO} (nil: none), then receive phase from {@code FROM}
     * ({@link UserRegisters#NIL}: none, {@link UserRegisters#ANY}: open wait). Timeouts in
     * {@code SEND_TIMEOUT}/{@code RECV_TIMEOUT}; the message in MR0.. and the acceptor in BR0.
     * Result: {@code FROM} = the sender, the message in the MRs, the error in the UTCB.
     */
    IPC,
    /** Set the bits of {@code ARG0} in the notification word of thread {@code TO}. */
    NOTIFY,
    /** Wait until a bit of mask {@code ARG0} is set (timeout {@code RECV_TIMEOUT}); result: the bits in MR1. */
    WAIT_NOTIFY,
    /** L4 X.2 Unmap: revoke rights {@code ARG1} (rwx) of the fpage in {@code ARG0}; {@code ARG2} = 1 also from the caller itself. */
    UNMAP,
    /**
     * L4 X.2 ExchangeRegisters, the control part: thread {@code TO}; {@code ARG0} holds the
     * control bits {@link #EXREGS_CANCEL}, {@link #EXREGS_ABORT}, {@link #EXREGS_HALT}.
     */
    EXCHANGE_REGISTERS,
    /** ThreadControl's interrupt association: attach ({@code ARG1} = 1) or detach the IRQ line {@code ARG0} to the caller. */
    THREAD_CONTROL,
    /** seL4 CNode_Revoke: revoke every capability derived from the one in slot {@code ARG0}. */
    CAP_REVOKE,
    /** The caller ends. */
    THREAD_EXIT,
    /** The kernel debugger's output: the text a thread left in {@link UserCpu#kdebugText}. */
    KDEBUG,
    /**
     * L4 X.2 Schedule, its processor control: move thread {@code TO} (nil: the caller) to
     * processor {@code ARG0} (seL4: TCB_SetAffinity).
     */
    SCHEDULE,
    /**
     * The kernel's part of cross-domain calls through user-visible address-space tags: the caller's
     * entry point (the caller thread) may be entered by the domain of thread {@code TO}; the kernel
     * writes the grant into that domain's grant table, which the call hardware reads
     * ({@code dev.mkw.kernel.xdomain.DomainGrants}).
     */
    DOMAIN_GRANT;

    /** ExchangeRegisters control bits (MKW's subset of X.2's control word). */
    public static final long EXREGS_CANCEL = 1, EXREGS_ABORT = 2, EXREGS_HALT = 4;
}
