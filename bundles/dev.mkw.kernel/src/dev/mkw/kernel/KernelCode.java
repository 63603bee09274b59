package dev.mkw.kernel;

/**
 * The kernel's code, block by block: each kernel path executes blocks of this image, and
 * executing one fetches its bytes from kernel text through the instruction TLB and cache
 * ({@link KernelImage}), then costs its instructions. A block's length is its instruction
 * count ({@link PathLengths}, with the sources and estimates stated there, or for the IPC fast
 * paths the count made in a real kernel, {@link dev.mkw.kernel.abi.CountedPath}) times the ISA's
 * bytes per instruction ({@link dev.mkw.kernel.abi.Abi#codeBytesPerInstruction}).
 */
public enum KernelCode {
    /** The counted IPC fast path of a Call or send (its instruction count comes from the ISA's {@link dev.mkw.kernel.abi.Abi}). */
    IPC_FASTPATH(dev.mkw.kernel.abi.Abi.IA32_FASTPATH),
    /** The counted fast path of a ReplyWait (seL4's {@code fastpath_reply_recv}; on Pistachio the same path as a Call). */
    IPC_FASTPATH_REPLY(dev.mkw.kernel.abi.Abi.IA32_FASTPATH),
    IPC_SLOWPATH(PathLengths.IPC_SLOWPATH),
    COPY_WORD(PathLengths.PER_WORD),
    PAGEFAULT(PathLengths.PAGEFAULT),
    MAP_PAGE(PathLengths.MAP_PAGE),
    SCHEDULE(PathLengths.SCHEDULE),
    IRQ(PathLengths.IRQ),
    SWITCH(PathLengths.SWITCH),
    QUEUE_LINK(PathLengths.QUEUE_LINK),
    INTERRUPT_FLAG(PathLengths.INTERRUPT_FLAG),
    NOTIFY(PathLengths.NOTIFY),
    IPI_SEND(PathLengths.IPI_SEND),
    IPI_HANDLER(PathLengths.IPI_HANDLER),
    SHOOTDOWN_PAGE(PathLengths.SHOOTDOWN_PAGE),
    KERNEL_LOCK(PathLengths.KERNEL_LOCK),
    MIGRATE(PathLengths.MIGRATE);

    private final int instructions;

    KernelCode(int instructions) {
        this.instructions = instructions;
    }

    public int instructions() {
        return instructions;
    }
}
