package dev.mkw.kernel.baseline;

/**
 * Where the baseline kernels keep their code and objects in the kernel region, beside L4's
 * ({@link dev.mkw.kernel.KernelLayout}: TCB table 0x10_0000, string buffer 0x20_0000, ready queues
 * 0x30_0000, capability tables 0x40_0000, text 0x50_0000, TCB array from 0x100_0000): the gap
 * 0x60_0000..0xFF_FFFF holds them. Only what a scenario uses is mapped, at boot.
 */
public final class BaselineLayout {
    private BaselineLayout() {}

    /** The baselines' kernel code ({@link BaselineCode}). */
    public static long text(long kernelBase) { return kernelBase + 0x60_0000; }

    /** Mach: the port-name table (ipc_space's entry table) of the task with address-space number {@code asid}: 8 KiB each. */
    public static long machNameTable(long kernelBase, int asid) { return kernelBase + 0x70_0000 + (long) asid * 0x2000; }

    /** Mach: port {@code index}'s ipc_port object, 128 bytes each (two per thread: its service port, its reply port). */
    public static long machPort(long kernelBase, int index) { return kernelBase + 0x80_0000 + (long) index * 128; }

    /** Mach: the kmsg zone: the free-list head, then the kernel message buffers. */
    public static long machKmsgZone(long kernelBase) { return kernelBase + 0x90_0000; }

    /** LRPC: binding object {@code n} (with its procedure descriptor list), 64 bytes each. */
    public static long lrpcBinding(long kernelBase, int n) { return kernelBase + 0xA0_0000 + (long) n * 64; }

    /** LRPC: the linkage record of A-stack {@code n}, 32 bytes each. */
    public static long lrpcLinkage(long kernelBase, int n) { return kernelBase + 0xA8_0000 + (long) n * 32; }

    /** LRPC: the E-stack pool of the domain with address-space number {@code asid}: a free-list head and its entries. */
    public static long lrpcEstackPool(long kernelBase, int asid) { return kernelBase + 0xB0_0000 + (long) asid * 256; }

    /**
     * LRPC on a multiprocessor: the domain processor {@code cpu} idles in, one cache line each (see
     * lrpc.IdleExchange). Not on a 1 MiB boundary as the other objects are: their pages all fall into
     * the first set of a set-associative TLB indexed by the low page-number bits.
     */
    public static long lrpcIdleDomain(long kernelBase, int cpu) { return kernelBase + 0xB4_7000 + (long) cpu * 64; }

    /**
     * Small spaces: the GDT's user code and data descriptors, 8 bytes each. Not at the start of its
     * page: the TCBs' hot fields are (TCBs are page aligned), and on a 2-way first-level cache such as
     * the Pentium's three lines of one set would thrash; a real kernel's GDT is somewhere in its data
     * section (Pistachio's {@code x86_gdt}), not at a page boundary.
     */
    public static long gdt(long kernelBase) { return kernelBase + 0xB8_0800; }

    /** LRPC (user address): A-stack {@code n}, one page mapped read-write into client and server at the same address. */
    public static long lrpcAstack(int n) { return 0x6000_0000L + (long) n * 0x1000; }

    /** LRPC (user address): E-stack {@code n} of a server domain. */
    public static long lrpcEstack(int n) { return 0x6800_0000L + (long) n * 0x1000; }
}
