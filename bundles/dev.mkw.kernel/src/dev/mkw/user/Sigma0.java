package dev.mkw.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.TaskSpec;

/**
 * sigma0, the root pager (Microkernel Construction I.1, "recursive address spaces"; I.8,
 * "Pagers"; L4 X.2 reference manual, "sigma0 protocol"): a user-level thread in the address
 * space that holds all physical memory idempotently (frame f at address f). It serves the
 * page faults of the tasks whose pager is {@code root} by real page-fault IPC: it waits for
 * a fault, looks the address up in the faulting task's declared {@code region}s and answers
 * with a map item of a fresh frame carrying the region's rights. A fault outside every region
 * gets no mapping: sigma0 says why through the kernel debugger and replies empty, and the
 * kernel reports the unresolved fault of that thread.
 *
 * <p>As in L4, sigma0 hands each frame out once (idempotent mappings of frames it owns); the
 * free frames come from the memory the kernel leaves it (the KIP's memory descriptors; here
 * the kernel's frame allocator hands them over).
 */
public final class Sigma0 implements UserCode {
    /** Instructions of sigma0's fault handling between its receive and its reply: region lookup and frame bookkeeping. Estimate (MKW), see docs/cost-model.md. */
    static final long HANDLER_INSTRUCTIONS = 50;
    private final LongSupplier freeFrame;
    private final Map<Long, List<TaskSpec.RegionSpec>> regionsByThread = new HashMap<>();
    private final Map<Long, String> taskByThread = new HashMap<>();
    private boolean waiting;

    public Sigma0(LongSupplier freeFrame) {
        this.freeFrame = freeFrame;
    }

    /** Boot: the regions sigma0 may back for the thread with ID {@code id} of {@code task}. */
    public void serve(long id, String task, List<TaskSpec.RegionSpec> regions) {
        regionsByThread.put(id, List.copyOf(regions));
        taskByThread.put(id, task);
    }

    @Override
    public SourceRef location() {
        return null;
    }

    @Override
    public boolean step(UserCpu cpu, long budget) {
        UserRegisters r = cpu.registers();
        if (!waiting) {
            waiting = true;
            SystemCallStubs.ipc(cpu, UserRegisters.NIL, UserRegisters.ANY, 0, UserRegisters.NEVER, Acceptor.NONE);
            return true;
        }
        MessageTag tag = MessageTag.decode(cpu.utcb().mr(0));
        long from = r.get(UserRegisters.FROM);
        if (tag.error() || !MessageTag.is(tag.label(), MessageTag.PAGE_FAULT)) {
            // Not a page fault (sigma0 speaks no other protocol here): wait for the next message.
            SystemCallStubs.ipc(cpu, UserRegisters.NIL, UserRegisters.ANY, 0, UserRegisters.NEVER, Acceptor.NONE);
            return true;
        }
        long addr = cpu.utcb().mr(1);
        int access = (int) (tag.label() & 7);
        cpu.instructions(HANDLER_INSTRUCTIONS);
        TaskSpec.RegionSpec region = regionOf(from, addr);
        List<TypedItem> items;
        if (region == null) {
            cpu.kdebugText(String.format("sigma0: no region of task %s covers 0x%x: the fault is not served", taskByThread.getOrDefault(from, "?"), addr));
            cpu.trap(dev.mkw.kernel.abi.SystemCall.KDEBUG);
            items = List.of();
        } else if ((Fpage.rights(region.rights()) & access) != access) {
            cpu.kdebugText(String.format("sigma0: the region of task %s at 0x%x is %s, the fault at 0x%x needs %s", taskByThread.getOrDefault(from, "?"),
                    region.base(), region.rights(), addr, Fpage.rightsText(access)));
            cpu.trap(dev.mkw.kernel.abi.SystemCall.KDEBUG);
            items = List.of();
        } else {
            long frame = freeFrame.getAsLong();
            items = List.of(new TypedItem.MapItem(new Fpage(frame, 12, Fpage.rights(region.rights())).encode(), addr, false));
        }
        SystemCallStubs.loadMessage(cpu, 0, new long[0], items);
        SystemCallStubs.ipc(cpu, from, UserRegisters.ANY, 0, UserRegisters.NEVER, Acceptor.NONE);
        return true;
    }

    private TaskSpec.RegionSpec regionOf(long thread, long addr) {
        for (TaskSpec.RegionSpec r : regionsByThread.getOrDefault(thread, List.of())) {
            if (addr >= r.base() && addr - r.base() < r.size()) return r;
        }
        return null;
    }
}
