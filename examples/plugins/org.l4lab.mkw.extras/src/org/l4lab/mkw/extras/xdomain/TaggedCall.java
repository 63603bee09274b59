package org.l4lab.mkw.extras.xdomain;

import dev.mkw.hw.sim.DomainCallHardware;
import dev.mkw.hw.sim.MachineDescription;

/**
 * The forum thread's hypothetical hardware ("MMU support for microkernels", osdev.org forum,
 * September 2013, linguofreak): "basically an ASID scheme with the addition that a program can
 * access multiple address spaces at the same time and that the ASID mechanism is userspace-visible,
 * allowing programs to switch to the address space of a service they want to call without getting
 * the kernel involved". A scenario writes {@code call service.entry via tagcall ...}; the entry's
 * thread (or the root task) has the kernel install the grant with {@code allow-call from T} — in the
 * thread's words, a service's space is available "unless that program explicitly tells the kernel
 * that it wishes to make it available".
 *
 * <p>The instructions: {@code tcall} reads the grant entry for (the current tag, the target entry)
 * from the kernel's table, pushes a linkage record (return address, caller tag, stack pointer) onto a
 * linkage stack only the hardware writes, loads the target tag — which selects the target's page
 * table, so the TLB keeps both domains' translations apart by tag and nothing is flushed — and jumps
 * to the entry; {@code tret} pops the record and switches back. The grant-table read and the
 * linkage push and pop are memory accesses MKW charges as the caches serve them.
 *
 * <p>Costs. The thread gives no figure. The instruction cycles here are estimates, marked as such:
 * a call of this kind does the work of a far call with a descriptor check plus a tag-register
 * write, so it is costed at a few tens of cycles — of the order the related hardware proposals aim
 * for: CODOMs (Vilanova et al., "CODOMs: Protecting Software with Code-centric Memory Domains",
 * ISCA 2014) switches domains on a plain call, checked against a per-page tag; Mondrian Memory
 * Protection (Witchel, Cates, Asanović, ASPLOS 2002) checks permission tables cached in a
 * protection lookaside buffer and switches protection domains on cross-domain calls; CHERI's
 * sealed-capability call (Watson et al., IEEE S&amp;P 2015) enters another compartment through a
 * capability. Intel's PCIDs (SDM vol. 3A, 4.10.1) give x86-64 the tagged TLB this needs: Owen's
 * reply ("x86 ASIDs only work with Intel VT and AMD SVM") was true of the tags for guests, before
 * PCIDs were used by operating systems. A machine without a tagged TLB cannot have the feature.
 */
public final class TaggedCall implements DomainCallHardware {
    /** Estimate: far call with a descriptor check and a tag-register write. */
    static final long CALL_CYCLES = 30;
    /** Estimate: far return with the linkage pop and the tag-register write. */
    static final long RETURN_CYCLES = 20;
    /** A grant entry: valid bit, target tag, entry address (two words). */
    static final int GRANT_ENTRY_BYTES = 16;
    /** A linkage record: return address, caller tag, stack pointer. */
    static final int LINKAGE_BYTES = 24;

    @Override
    public String id() {
        return "tagcall";
    }

    @Override
    public String description() {
        return "user-visible address-space tags: a cross-domain call and return without the kernel, checked against the kernel's grants (forum thread 'MMU support for microkernels')";
    }

    @Override
    public String unsupported(MachineDescription machine) {
        if (!machine.mmu().taggedTlb()) {
            return "its TLB has no address-space tags (mmu.taggedTlb false): user-visible tags are \"basically an ASID scheme\"; "
                    + "a preset with tags is x86_64_pcid (PCIDs) or a Cortex (ARM ASIDs)";
        }
        return null;
    }

    @Override
    public Costs costs(MachineDescription machine) {
        return new Costs(CALL_CYCLES, RETURN_CYCLES, GRANT_ENTRY_BYTES, LINKAGE_BYTES,
                "estimates (the forum thread gives no figure): a far call with a descriptor check and a tag write, "
                        + "the order CODOMs (ISCA 2014) and Mondrian memory protection (ASPLOS 2002) aim for");
    }
}
