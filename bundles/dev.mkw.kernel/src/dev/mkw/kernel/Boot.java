package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.scenario.IrqAttachment;
import dev.mkw.scenario.KernelConfig;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.user.UserProgram;

/**
 * Creates the initial system from a scenario: an address space per task (after sigma0's),
 * a TCB per thread with its UTCB mapped into the task, IRQ attachments and I/O permissions.
 * Thread numbers are handed out in declaration order, version 1.
 */
final class Boot {
    private Boot() {}

    static void boot(Kernel k, Scenario s) {
        int asid = 2;
        int number = 1;
        List<String> problems = new ArrayList<>();
        // The kernel's string-copy buffer (COPY_IN_OUT variant) is always present.
        k.kernelMemory.mapFresh(KernelLayout.stringBuffer(k.kernelMemory.base), k.mem);
        for (TaskSpec task : s.tasks()) {
            AddressSpace space = new AddressSpace(task.name(), asid++, k.machine.memory(), k.machine.mmu().format(), k.frames);
            k.kernelMemory.attach(space);
            k.spaces.put(task.name(), space);
            if (task.privileged()) k.privilegedSpaces.add(space);
            k.taskPagers.put(space, task.pager());
            k.taskExceptionHandlers.put(space, task.exceptionHandler());
            List<long[]> ports = new ArrayList<>();
            for (TaskSpec.IoPortRange r : task.ioPorts()) ports.add(new long[] {r.first(), r.last()});
            k.ioPorts.put(space, ports);
            int index = 0;
            for (ThreadSpec th : task.threads()) {
                String name = task.name() + "." + th.name();
                long tcbAddr = KernelLayout.tcbArea(k.kernelMemory.base) + (long) number * Tcb.SIZE;
                long utcb = KernelLayout.UTCB_AREA + (long) index * KernelLayout.UTCB_SIZE;
                Tcb t = new Tcb(ThreadId.of(number, 1), name, th, space, tcbAddr, utcb, new UserProgram(th.body()));
                t.timeslice = th.timesliceCycles() > 0 ? th.timesliceCycles() : k.config.timesliceCycles();
                t.quantum = t.timeslice;
                // TCB pages and lookup tables as the lookup variant needs them (the virtual array faults them in later).
                k.tcbLookup.threadCreated(number, k.kernelMemory, k.mem);
                if (space.translate(utcb) < 0) {
                    long frame = k.frames.allocate(k.machine.memory().frameSize());
                    space.map(utcb & -4096L, frame, Fpage.R | Fpage.W, true, false, k.mem);
                }
                k.threads.add(t);
                k.byName.put(name, t);
                number++;
                index++;
            }
        }
        for (Tcb t : k.threads) {
            String pager = t.spec.pager() != null ? t.spec.pager() : k.taskPager(t);
            if (pager != null && !pager.equals("root")) {
                Tcb p = k.thread(pager);
                if (p == null) problems.add("thread " + t.name + ": pager " + pager + " does not exist");
                t.pager = p;
            }
        }
        for (TaskSpec task : s.tasks()) {
            AddressSpace space = k.spaces.get(task.name());
            dev.mkw.kernel.cap.CapSpace caps = new dev.mkw.kernel.cap.CapSpace(task.name());
            k.capSpaces.put(space, caps);
            for (TaskSpec.CapSpec c : task.caps()) {
                Tcb target = k.thread(c.target());
                if (target == null) problems.add("task " + task.name() + ": capability " + c.slot() + " names unknown thread " + c.target());
                else caps.install(c.slot(), target, c.badge(), dev.mkw.kernel.cap.Cap.rights(c.rights()));
            }
        }
        for (IrqAttachment a : s.irqs()) {
            Tcb t = k.thread(a.thread());
            if (t == null) problems.add(a.at() + ": IRQ " + a.line() + " attached to unknown thread " + a.thread());
            else if (a.line() < 0 || a.line() >= k.irqPending.length) problems.add(a.at() + ": IRQ line " + a.line() + " does not exist (0.." + (k.irqPending.length - 1) + ")");
            else k.irqHandlers.put(a.line(), t);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        // Start with every thread ready, in declaration order (round robin starts at the first).
        for (Tcb t : k.threads) k.scheduler.makeReady(t);
        k.loadedSpace = null;
        k.mem.loadPageTableRoot(k.sigma0.root, k.sigma0.asid);
        k.loadedSpace = k.sigma0;
        k.mem.resetStats();
    }
}
