package dev.mkw.hw.sim;

/**
 * A hardware idea a plugin adds to the CPU and MMU model: user-visible address-space tags with
 * a cross-domain call and return instruction (the forum thread "MMU support for microkernels",
 * osdev.org 2013: "an ASID scheme [...] userspace-visible, allowing programs to switch to the
 * address space of a service they want to call without getting the kernel involved"). Contributed
 * through the extension point {@value CpuFeatures#EXTENSION_POINT} (element {@code domainCall}) or,
 * outside OSGi, {@code META-INF/services/dev.mkw.hw.sim.DomainCallHardware}; a scenario uses it as
 * {@code call T via ID ...}.
 *
 * <p>What every such instruction does is MKW's, so that protection stays with the kernel: the call
 * reads the entry of the kernel's grant table for (the caller's tag, the target entry) — the
 * kernel alone writes that table, through a system call — and faults when the entry is absent; it
 * pushes a linkage record the caller cannot touch, switches the current tag (and page table) to the
 * callee's domain without a TLB flush and jumps to the registered entry point. The return pops the
 * linkage and switches back. The plugin says what the hardware costs and on which machines it can
 * exist; the cycles it names are the instruction's own, past the memory accesses of the grant-table
 * read and the linkage push, which go through the machine's caches and are charged as they hit or miss.
 */
public interface DomainCallHardware {
    /** The word scenarios use ({@code call server.entry via ID}). */
    String id();

    /** One line for listings. */
    String description();

    /**
     * Why this machine cannot have the feature (a sentence naming what it lacks, e.g. a TLB without
     * address-space tags), or null when it can.
     */
    String unsupported(MachineDescription machine);

    /** The instruction costs on {@code machine} (only asked when {@link #unsupported} is null). */
    Costs costs(MachineDescription machine);

    /**
     * The hardware's cost table.
     *
     * @param callCycles    the call instruction: grant check, tag switch and jump, past its memory accesses
     * @param returnCycles  the return instruction: linkage pop and tag switch back, past its memory accesses
     * @param grantEntryBytes bytes of one grant-table entry the call reads (one access per cache line)
     * @param linkageBytes  bytes of the linkage record the call pushes and the return pops
     * @param source        where the figures come from, and which are estimates
     */
    record Costs(long callCycles, long returnCycles, int grantEntryBytes, int linkageBytes, String source) {
        public Costs {
            if (callCycles < 0 || returnCycles < 0) throw new IllegalArgumentException("instruction cycles must be >= 0");
            if (grantEntryBytes <= 0 || linkageBytes <= 0) throw new IllegalArgumentException("grant entry and linkage sizes must be > 0 bytes");
        }
    }
}
