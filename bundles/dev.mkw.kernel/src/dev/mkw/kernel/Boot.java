package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.scenario.IrqAttachment;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Creates the initial system, as an L4 kernel and its root server do at start: sigma0's
 * thread in the idempotent address space that owns all frames (thread number UserBase, as
 * in L4 X.2), then an address space per task, a TCB per thread with its UTCB mapped into
 * the task, IRQ attachments and I/O permissions. Thread numbers are handed out in
 * declaration order above sigma0's, version 1. Pagers and exception handlers are resolved
 * to threads here, once; {@code pager root} is sigma0.
 *
 * <p>Boot reads the scenario's structure (tasks, threads, pagers) as a root server reads its
 * boot configuration; it never looks at a thread's program, which only the user code runs.
 */
final class Boot {
    private Boot() {}

    static void boot(Kernel k, Scenario s, Function<ThreadSpec, UserCode> userCode, UserCode sigma0Code) {
        List<String> problems = new ArrayList<>();
        int frame = k.machine().memory().frameSize();
        // The kernel's string-copy buffer (COPY_IN_OUT variant) is always present.
        k.kernelMemory().mapFresh(KernelLayout.stringBuffer(k.kernelMemory().base), k.mem());
        k.loadImage();
        // The ready-queue heads and the wakeup list live in kernel memory, touched by the paths that
        // use them: each processor's in its own pages (with its lock word and IPI mailbox).
        for (int cpu = 0; cpu < k.processorCount(); cpu++) {
            k.kernelMemory().mapFresh(KernelLayout.readyQueues(k.kernelMemory().base, cpu), k.mem());
            k.kernelMemory().mapFresh(KernelLayout.wakeupList(k.kernelMemory().base, cpu), k.mem());
        }
        ThreadPlacement placement = new ThreadPlacement(k.config().placement(), k.processorCount());
        int number = ThreadId.userBase(k.machine().interruptController().lines());
        k.setSigma0Thread(createThread(k, "sigma0", 255, k.sigma0(), number++, 0, sigma0Code));
        int asid = 2;
        for (TaskSpec task : s.tasks()) {
            AddressSpace space = new AddressSpace(task.name(), asid++, k.machine().memory(), k.machine().mmu().format(), k.frames());
            k.kernelMemory().attach(space);
            k.addSpace(task.name(), space, task.privileged());
            for (TaskSpec.IoPortRange r : task.ioPorts()) k.io().permit(space, r.first(), r.last());
            int index = 0;
            for (ThreadSpec th : task.threads()) {
                Tcb t = createThread(k, task.name() + "." + th.name(), th.priority(), space, number++, index++, userCode.apply(th));
                if (th.cpu() >= k.processorCount()) {
                    problems.add(th.at() + ": thread " + t.name + " is pinned to cpu " + th.cpu() + ", but the machine has "
                            + k.processorCount() + " CPU" + (k.processorCount() == 1 ? "" : "s") + " (0.." + (k.processorCount() - 1) + ")");
                } else {
                    t.cpu = placement.home(th.cpu());
                }
                if (th.timesliceCycles() > 0) t.timeslice = t.quantum = th.timesliceCycles();
                // Declared "uses-fpu": eager switching moves its FPU state from its first switch on.
                t.fpuUsed = th.usesFpu();
            }
        }
        for (TaskSpec task : s.tasks()) {
            for (ThreadSpec th : task.threads()) {
                Tcb t = k.thread(task.name() + "." + th.name());
                t.pager = resolve(k, th.pager() != null ? th.pager() : task.pager(), "pager", t, problems);
                t.exceptionHandler = resolve(k, th.exceptionHandler() != null ? th.exceptionHandler() : task.exceptionHandler(), "exception handler", t, problems);
            }
        }
        for (TaskSpec task : s.tasks()) {
            AddressSpace space = k.space(task.name());
            dev.mkw.kernel.cap.CapSpace caps = new dev.mkw.kernel.cap.CapSpace(task.name());
            k.addCapSpace(space, caps);
            // The task's capability table (seL4's CNode): one page of 16-byte slots the lookup reads.
            if (!task.caps().isEmpty() || k.config().naming() == KernelConfig.Naming.CAPABILITIES) {
                k.kernelMemory().mapFresh(KernelLayout.capTable(k.kernelMemory().base, space.asid), k.mem());
            }
            for (TaskSpec.CapSpec c : task.caps()) {
                Tcb target = k.thread(c.target());
                if (target == null) problems.add("task " + task.name() + ": capability " + c.slot() + " names unknown thread " + c.target());
                else caps.install(c.slot(), target, c.badge(), dev.mkw.kernel.cap.Cap.rights(c.rights()));
            }
        }
        for (IrqAttachment a : s.irqs()) {
            Tcb t = k.thread(a.thread());
            if (t == null) problems.add(a.at() + ": IRQ " + a.line() + " attached to unknown thread " + a.thread());
            else if (a.line() < 0 || a.line() >= k.machine().interruptController().lines()) problems.add(a.at() + ": IRQ line " + a.line() + " does not exist (0.." + (k.machine().interruptController().lines() - 1) + ")");
            else k.interrupts().associate(a.line(), t);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        // Start with every thread ready, in declaration order (round robin starts at the first);
        // sigma0 waits for its first fault.
        for (Tcb t : k.threads()) k.scheduler().makeReady(t);
        k.scheduler().setQueueMemory(new dev.mkw.kernel.sched.ReadyQueueMemory(k));
        k.syscalls().booted(); // a baseline IPC variant's kernel objects (dev.mkw.kernel.baseline)
        k.placeSmallSpaces(s); // kernel { small-spaces on }
        // Every processor starts in sigma0's space (the kernel's mappings are in every space).
        Processor boot = k.processor();
        for (Processor c : k.processors()) {
            k.activate(c);
            k.setLoadedSpace(null);
            c.mem().loadPageTableRoot(k.sigma0().root, k.sigma0().asid);
            k.setLoadedSpace(k.sigma0());
            c.mem().resetStats();
        }
        k.activate(boot);
        if (frame <= 0) throw new IllegalStateException("machine without frames");
    }

    private static Tcb createThread(Kernel k, String name, int priority, AddressSpace space, int number, int index, UserCode code) {
        long tcbAddr = KernelLayout.tcbArea(k.kernelMemory().base) + (long) number * Tcb.SIZE;
        long utcb = KernelLayout.UTCB_AREA + (long) index * KernelLayout.UTCB_SIZE;
        Tcb t = new Tcb(ThreadId.of(number, 1), name, priority, space, tcbAddr, utcb, code, k.statistics().thread(name));
        t.timeslice = k.config().timesliceCycles();
        t.quantum = t.timeslice;
        // TCB pages and lookup tables as the lookup variant needs them (the virtual array faults them in later).
        k.tcbLookup().threadCreated(number, k.kernelMemory(), k.mem());
        if (space.translate(utcb) < 0) {
            long f = k.frames().allocate(k.machine().memory().frameSize());
            space.map(utcb & -(long) k.machine().memory().frameSize(), f, Fpage.R | Fpage.W, true, false, k.mem());
        }
        k.add(t);
        loadText(k, t, space, index);
        return t;
    }

    /**
     * The loader: map the thread's code at its place in the task's text, read-execute, as
     * frames sigma0 hands the root task (recorded in the mapping database like any mapping).
     */
    private static void loadText(Kernel k, Tcb t, AddressSpace space, int index) {
        long bytes = t.user.textBytes();
        if (bytes <= 0) return;
        int page = k.machine().memory().frameSize();
        long base = KernelLayout.USER_TEXT + index * KernelLayout.USER_TEXT_STRIDE;
        long[] c = {0};
        // The loader's authority: the thread's slot of the task's text region.
        Fpage text = new Fpage(base, 63 - Long.numberOfLeadingZeros(KernelLayout.USER_TEXT_STRIDE), Fpage.R | Fpage.X);
        for (long a = base; a < base + bytes; a += page) {
            long frame = k.frames().allocate(page);
            var root = k.mappingDb().root(frame, k.sigma0());
            k.mappingDb().map(root, space, a, Fpage.R | Fpage.X, text, k.mem(), c);
            space.map(a, frame, Fpage.R | Fpage.X, true, false, k.mem());
        }
        t.user.loaded(base);
    }

    private static Tcb resolve(Kernel k, String name, String role, Tcb t, List<String> problems) {
        if (name == null) return null;
        if (name.equals(TaskSpec.ROOT_PAGER)) return k.sigma0Thread();
        Tcb h = k.thread(name);
        if (h == null) problems.add("thread " + t.name + ": " + role + " " + name + " does not exist");
        return h;
    }
}
