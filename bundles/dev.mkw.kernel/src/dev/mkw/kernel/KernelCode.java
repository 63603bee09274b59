package dev.mkw.kernel;

/**
 * The kernel's code, block by block: each kernel path executes blocks of this image, and
 * executing one fetches its bytes from kernel text through the instruction TLB and cache
 * ({@link KernelImage}), then costs its instructions. A block's length is its instruction
 * count ({@link PathLengths}, with the sources and estimates stated there) times the ISA's
 * bytes per instruction ({@link dev.mkw.kernel.abi.Abi#codeBytesPerInstruction}).
 */
public enum KernelCode {
    IPC_FASTPATH(PathLengths.IPC_FASTPATH),
    IPC_SLOWPATH(PathLengths.IPC_SLOWPATH),
    COPY_WORD(PathLengths.PER_WORD),
    PAGEFAULT(PathLengths.PAGEFAULT),
    MAP_PAGE(PathLengths.MAP_PAGE),
    SCHEDULE(PathLengths.SCHEDULE),
    IRQ(PathLengths.IRQ),
    SWITCH(PathLengths.SWITCH),
    QUEUE_LINK(PathLengths.QUEUE_LINK),
    INTERRUPT_FLAG(PathLengths.INTERRUPT_FLAG),
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
