package dev.mkw.kernel.tcb;

/**
 * One way to find a thread's TCB from its thread ID: a kernel variant a plugin can add
 * (extension point {@code dev.mkw.kernel.tcbLookups}, or {@link java.util.ServiceLoader} /
 * {@link TcbLookupVariants#register} as plain jars). The built-in ones are {@code table},
 * {@code virtual-array} (L3/L4's default) and {@code physical} (seL4-style capability
 * pointer): Microkernel Construction I.12, "Thread ID -> TCB".
 *
 * <p>A variant only says which memory it touches; what that costs comes from the machine's
 * caches and TLB, so variants compare by their footprint, never by constants.
 */
public interface TcbLookupVariant {
    /** The word a scenario uses: {@code kernel { tcb-lookup ID }}. */
    String id();

    /** One line for listings. */
    String description();

    /**
     * A thread was created with thread number {@code number}: prepare what the lookup needs
     * (map the TCB's page, fill a table slot). Runs at boot, charged to no one.
     */
    void threadCreated(int number, TcbMemory memory);

    /**
     * The lookup's own steps for thread number {@code number}, before the kernel reads the TCB
     * to compare the full ID (number and version: a stale ID fails there).
     */
    void lookup(int number, LookupSteps steps);

    /** Whether the kernel then reads the TCB by its physical address (no TLB involved). */
    default boolean physicalTcbAccess() { return false; }

    /** Kernel memory at boot: where TCBs and the lookup table live, and mapping their pages. */
    interface TcbMemory {
        /** The virtual address of thread {@code number}'s TCB in the kernel's TCB area. */
        long tcbAddress(int number);

        /** A kernel table with one 8-byte slot per thread number (for table-based lookups). */
        long tableSlot(int number);

        /** Back the kernel page holding {@code address} with a fresh frame, if not mapped yet. */
        void mapKernelPage(long address);
    }

    /** What a lookup may do on the path that runs it; each step is charged to that path. */
    interface LookupSteps {
        long tcbAddress(int number);

        long tableSlot(int number);

        /** Read kernel memory at a virtual address (through the TLB and caches). */
        void read(long virtualAddress);

        /** Read memory at a physical address (caches only). */
        void readPhysical(long physicalAddress);

        /** Simple instructions the lookup executes (address arithmetic, compares). */
        void instructions(int count);
    }
}
