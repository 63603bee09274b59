package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.abi.Abi;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.scenario.SourceRef;
import dev.mkw.sim.SimRandom;

/**
 * The CPU in user mode, running one thread: what {@link UserCpu} promises, implemented with
 * the machine (user accesses through the MMU and caches) and the kernel's entries (page
 * faults, exceptions, FPU traps, system calls).
 */
final class UserMode implements UserCpu {
    /** Cycles of an I/O port instruction that the bitmap allows (x86 IN/OUT in protected mode: estimate). */
    private static final long IO_INSTRUCTION_CYCLES = 30;
    private final Kernel k;
    private Tcb t;

    UserMode(Kernel k) {
        this.k = k;
    }

    private boolean raised;

    UserCpu enter(Tcb thread) {
        this.t = thread;
        this.raised = false;
        return this;
    }

    @Override public boolean raisedException() { return raised; }

    @Override public UserRegisters registers() { return t.regs; }

    @Override public Utcb utcb() { return t.utcb; }

    @Override public Abi abi() { return k.abi(); }

    @Override public int pageSize() { return k.machine().memory().frameSize(); }

    @Override
    public void compute(long cycles) {
        if (cycles <= 0) return;
        if (cycles > Long.MAX_VALUE / 2 - k.now()) {
            // The simulated clock would wrap: say so instead of reporting a wrapped time.
            fail(t.user.location(), "computing " + cycles + " cycles would take the simulated clock past 2^62 cycles");
            return;
        }
        k.chargeUser(t, cycles);
    }

    @Override
    public void instructions(long n) {
        compute(n * k.costs().cost(dev.mkw.hw.sim.CostKind.INSTRUCTION));
    }

    @Override
    public boolean access(long addr, int kind) {
        if (addr < 0 || addr >= k.kernelMemory().base) {
            raise(13, String.format("PROTECTION_FAULT (address 0x%x is outside user space)", addr));
            return true;
        }
        long c = k.mem().access(addr, kind, true);
        if (c == MemoryHierarchy.PAGE_FAULT) {
            k.pageFaults().pageFault(t, addr, kind);
            return false;
        }
        k.chargeUser(t, c + 1);
        return true;
    }

    @Override
    public long accessRun(long from, long to, long stride, int kind) {
        return UserAccessRun.run(k, t, this, from, to, stride, kind);
    }

    @Override
    public void fetch(long address) {
        long c = k.mem().access(address, MemoryHierarchy.EXECUTE, true);
        if (c == MemoryHierarchy.PAGE_FAULT) return;
        long stall = c - k.mem().instructionHitCycles();
        if (stall > 0) k.chargeUser(t, stall);
    }

    @Override
    public void storeUtcbWords(int from, int to) {
        for (int i = from; i < to && i < Utcb.MRS; i++) {
            long c = k.mem().access(t.utcb.mrAddress(i), MemoryHierarchy.WRITE, true);
            if (c != MemoryHierarchy.PAGE_FAULT) k.chargeUser(t, c);
        }
    }

    @Override
    public void fpu() {
        k.fpu().use(t);
    }

    @Override
    public void io(long port) {
        if (!k.io().permitted(t.space, port)) raise(13, "PROTECTION_FAULT (I/O port 0x" + Long.toHexString(port) + " not in the task's I/O bitmap)");
        else k.chargeUser(t, IO_INSTRUCTION_CYCLES);
    }

    /**
     * A user-level driver's cli (false) or sti (true), as the interrupt-flag variant says
     * (Microkernel Construction I.8, "Virtualizing the Interrupt Flag"):
     * <ul>
     * <li>TRAP: on x86 cli/sti are privileged at IOPL 0 and raise #GP; the kernel decodes the
     * instruction, flips the thread's flag in its TCB and returns (path {@code irqflag}). ARM
     * has no trapping form (a user-mode {@code cpsid} is ignored), so there it is a system call
     * with the machine's entry and exit;</li>
     * <li>VIRTUAL: the flag is a byte in the thread's UTCB ({@link Utcb#interruptFlagAddress}):
     * cli stores it; sti stores it and loads the pending word beside it (an interrupt the kernel
     * held back is taken in the handler's next receive). No kernel entry.</li>
     * </ul>
     */
    @Override
    public void setInterruptFlag(boolean enabled) {
        t.virtualInterrupts = enabled;
        if (k.config().interruptFlag() == dev.mkw.kernel.KernelConfig.InterruptFlag.VIRTUAL) {
            userStore(t.utcb.interruptFlagAddress(), MemoryHierarchy.WRITE);
            if (enabled) userStore(t.utcb.errorCodeAddress(), MemoryHierarchy.READ);
            return;
        }
        KernelPath p = k.path("irqflag");
        boolean x86 = k.abi().isa().startsWith("x86");
        p.cost(x86 ? dev.mkw.hw.sim.CostKind.INTERRUPT_ENTRY : dev.mkw.hw.sim.CostKind.KERNEL_ENTRY).execute(KernelCode.INTERRUPT_FLAG);
        p.touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        p.cost(dev.mkw.hw.sim.CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }

    /** One user instruction accessing {@code addr} (1 cycle and its memory access, as {@link #access}). */
    private void userStore(long addr, int kind) {
        long c = k.mem().access(addr, kind, true);
        k.chargeUser(t, c == MemoryHierarchy.PAGE_FAULT ? 1 : c + 1);
    }

    @Override
    public void raise(int vector, String name) {
        raised = true;
        k.exceptions().raise(t, vector, name);
    }

    @Override
    public void trap(SystemCall call) {
        k.syscalls().enter(t, call);
    }

    @Override
    public void domainCall(String hardware, long to, SourceRef at) {
        outcome(k.syscalls().domainCalls().call(t, hardware, to), at);
    }

    @Override
    public void domainReturn(long to, SourceRef at) {
        outcome(k.syscalls().domainCalls().ret(t, to), at);
    }

    @Override public boolean servesDomainCall() { return k.syscalls().domainCalls().serving(t); }

    private void outcome(dev.mkw.kernel.xdomain.DomainCalls.Outcome o, SourceRef at) {
        if (o.fault() != null) raise(13, o.fault());
        else if (o.error() != null) fail(at, o.error());
    }

    @Override
    public void kdebugText(String text) {
        k.syscalls().setKdebugText(text);
    }

    @Override public SimRandom random() { return k.engine().random(); }

    @Override
    public void fail(SourceRef at, String message) {
        k.error(t, at, message, true);
        t.state = ThreadState.DEAD;
    }

    @Override
    public void warn(SourceRef at, String message) {
        k.error(t, at, message, false);
    }
}
