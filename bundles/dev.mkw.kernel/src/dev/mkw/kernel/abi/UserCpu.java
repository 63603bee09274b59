package dev.mkw.kernel.abi;

import dev.mkw.scenario.SourceRef;
import dev.mkw.sim.SimRandom;

/**
 * The CPU as user code sees it while one of its threads runs: registers and UTCB, plain
 * computation, memory accesses through the MMU, the instructions that may trap, and the
 * system-call trap. Every call charges the running thread; a call that blocks the thread
 * (an IPC, a page fault) returns with the thread blocked, and the thread's code runs again
 * only when the kernel resumes it, with the results in its registers and UTCB.
 */
public interface UserCpu {
    /** The running thread's registers (its trap frame while it is in the kernel). */
    UserRegisters registers();

    /** The running thread's UTCB. */
    Utcb utcb();

    /** The ABI of this machine's ISA. */
    Abi abi();

    /** Execute {@code cycles} cycles of plain instructions. */
    void compute(long cycles);

    /** Execute {@code n} simple instructions: n times the machine's {@code INSTRUCTION} cost. */
    void instructions(long n);

    /** The machine's page size in bytes (L4 X.2 publishes it in the kernel interface page's PageInfo). */
    int pageSize();

    /**
     * Load, store or fetch at a user address ({@code kind}: {@code MemoryHierarchy.READ},
     * {@code WRITE}, {@code EXECUTE}). Returns false when the access faulted: the kernel has
     * taken the fault (page-fault IPC to the pager, or an exception) and the thread must
     * execute the access again when it resumes.
     */
    boolean access(long address, int kind);

    /**
     * A run of loads or stores ({@code touch}): {@link #access}(a, kind) for a = {@code from},
     * {@code from + stride}, ... below {@code to}, in that order, each costing what it costs.
     * Stops at the first access that faulted (page fault taken, or an exception raised: see
     * {@link #raisedException}) and returns its address; returns {@code to} when every access
     * was done. The thread's clock, counters and caches end exactly as after the accesses one
     * by one; the machine may do them faster.
     */
    default long accessRun(long from, long to, long stride, int kind) {
        for (long a = from; a < to; a += stride) {
            if (!access(a, kind) || raisedException()) return a;
            if (to - a <= stride) break; // the next would be at or past the end (and a + stride cannot wrap)
        }
        return to;
    }

    /**
     * Fetch the instructions at {@code address} of the thread's own text: through the
     * instruction TLB and cache, costing what misses beyond a first-level hit cost.
     */
    void fetch(long address);

    /** Store the message registers MR{@code from}..MR{@code to-1} that live in the UTCB (they cost user stores). */
    void storeUtcbWords(int from, int to);

    /** An FPU instruction: traps on the thread's first use after another thread's under lazy FPU switching. */
    void fpu();

    /** An I/O port instruction: allowed by the task's I/O permission bitmap, or a protection-fault exception. */
    void io(long port);

    /** {@code cli}/{@code sti} of a user-level driver: the virtual interrupt flag. */
    void setInterruptFlag(boolean enabled);

    /** Whether the last instruction raised an exception (the thread now waits for its exception handler). */
    boolean raisedException();

    /** A faulting instruction: the exception with this x86 vector and name goes to the exception handler. */
    void raise(int vector, String name);

    /**
     * The cross-domain call instruction of hardware {@code hardware} (user-visible address-space
     * tags, a plugin's): enter the entry point of thread {@code to} in its domain with the message in
     * the MRs, without entering the kernel. An entry the caller's domain has no kernel-installed grant
     * for raises a protection fault ({@link #raisedException}); hardware the machine lacks is an error
     * of the program at {@code at}. The thread runs again when the entry returns, the reply in its MRs.
     */
    void domainCall(String hardware, long to, SourceRef at);

    /** The return instruction of a cross-domain call: back to caller {@code to} with the reply in the MRs; the entry then waits for the next call. */
    void domainReturn(long to, SourceRef at);

    /** Whether the running thread serves a cross-domain call (its reply is the return instruction). */
    boolean servesDomainCall();

    /** Enter the kernel: the system call in {@code call} with its arguments in registers and UTCB. */
    void trap(SystemCall call);

    /** The text of the next {@link SystemCall#KDEBUG} call. */
    void kdebugText(String text);

    /** The run's seeded random source for this thread's program. */
    SimRandom random();

    /**
     * The program broke a rule of its language (no kernel involved): the thread ends and the
     * run reports {@code message} at {@code at} with the thread and the cycle.
     */
    void fail(SourceRef at, String message);

    /** A note for the run's report that does not end the thread. */
    void warn(SourceRef at, String message);
}
