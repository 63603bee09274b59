package dev.mkw.kernel.tcb;

import java.util.List;

/**
 * The three lookups of Microkernel Construction I.12. Their costs differ only by the memory
 * they touch: the table costs one more read; the virtual array costs TLB entries and faults
 * its pages in on first touch; the physical variant bypasses translation altogether.
 */
final class BuiltInTcbLookups {
    private BuiltInTcbLookups() {}

    static List<TcbLookupVariant> all() {
        return List.of(new Table(), new VirtualArray(), new Physical());
    }

    /** Read the TCB pointer from a table indexed by thread number, then the TCB through the TLB. */
    static final class Table implements TcbLookupVariant {
        @Override public String id() { return "table"; }
        @Override public String description() { return "a table of TCB pointers indexed by thread number: one extra read"; }
        @Override public void threadCreated(int number, TcbMemory m) {
            m.mapKernelPage(m.tcbAddress(number));
            m.mapKernelPage(m.tableSlot(number));
        }
        @Override public void lookup(int number, LookupSteps s) {
            s.read(s.tableSlot(number));
            s.instructions(3);
        }
    }

    /** L3/L4: the TCB's address is computed from the thread number; its pages fault in on first touch. */
    static final class VirtualArray implements TcbLookupVariant {
        @Override public String id() { return "virtual-array"; }
        @Override public String description() { return "TCB address computed from the thread number in a virtual array (L3/L4), paged in on first touch"; }
        @Override public void threadCreated(int number, TcbMemory m) {
            // Nothing: the first access faults the TCB's page in (a kernel page fault).
        }
        @Override public void lookup(int number, LookupSteps s) {
            s.instructions(2);
        }
    }

    /** seL4-style: the capability carries the TCB's physical address; no translation at all. */
    static final class Physical implements TcbLookupVariant {
        @Override public String id() { return "physical"; }
        @Override public String description() { return "the ID carries the TCB's physical address (seL4-style capability pointer): no TLB"; }
        @Override public void threadCreated(int number, TcbMemory m) {
            m.mapKernelPage(m.tcbAddress(number));
        }
        @Override public void lookup(int number, LookupSteps s) {
            s.instructions(1);
        }
        @Override public boolean physicalTcbAccess() { return true; }
    }
}
