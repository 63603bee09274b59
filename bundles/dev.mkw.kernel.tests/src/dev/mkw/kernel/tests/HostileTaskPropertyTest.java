package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * In the spirit of seL4's integrity and authority-confinement proofs: a hostile task issues
 * system calls with random register and message-register contents (map and grant items with
 * any fpage and hot spot, capability items, unmap of any fpage, ExchangeRegisters, IRQ
 * attachment, capability revocation, notifications, any partner ID) against a victim that
 * opened no receive window and gave the hostile no capability. After every event the kernel
 * invariants hold, the kernel never throws, and the victim's mappings and capabilities are
 * exactly what they were.
 */
class HostileTaskPropertyTest {
    /** The calls a hostile thread makes at random: all but ending itself and the debugger's output. */
    private static final java.util.List<SystemCall> HOSTILE_CALLS = java.util.Arrays.stream(SystemCall.values())
            .filter(c -> c != SystemCall.THREAD_EXIT && c != SystemCall.KDEBUG).toList();

    private static final int SEEDS = 40, CALLS = 250;

    @Test
    void aHostileTaskChangesNothingItHasNoRightTo() {
        List<String> failures = new ArrayList<>();
        for (KernelConfig.Naming naming : KernelConfig.Naming.values()) {
            for (int seed = 1; seed <= SEEDS; seed++) {
                String f = runOnce(seed, naming);
                if (f != null) failures.add(naming + " seed " + seed + ": " + f);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String runOnce(int seed, KernelConfig.Naming naming) {
        // The victim touches its region (sigma0 maps it), then sleeps in a closed receive from itself.
        var victim = thread("v", 200, new Op.Touch(c(0x10000), c(0x14000), c(4096), true, AT),
                Scenarios.repeat(1_000, new Op.Receive(new Target.Nil(), null, "m", Timeout.cycles(50_000), AT)));
        TaskSpec v = new TaskSpec("victim", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x10000, 0x4000, "rw", AT)),
                List.of(), List.of(new TaskSpec.CapSpec(0, "victim.v", 5, "sgr")), List.of(victim), AT);
        TaskSpec h = new TaskSpec("hostile", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x20000, 0x4000, "rw", AT)),
                List.of(), List.of(), List.of(thread("h", 100, new Op.Exit(AT))), AT);
        Scenario s = Scenarios.scenario("i486_50", KernelConfig.defaults().withNaming(naming), v, h)
                .withRun(RunSpec.defaults().withUntilCycles(40_000_000));
        Hostile hostile = new Hostile(new Random(seed));
        Simulation sim;
        try {
            sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0), th -> th.name().equals("h") ? hostile : null);
        } catch (RuntimeException e) {
            return "boot threw " + e;
        }
        String before = null;
        try {
            while (!sim.isFinished()) {
                sim.step(1);
                if (before == null && hostile.calls > 0) before = victimState(sim);
                List<KernelError> broken = sim.inspector().errors().stream().filter(e -> e.message().startsWith("kernel invariant")).toList();
                if (!broken.isEmpty()) return broken.get(0).message();
                if (before != null && !before.equals(victimState(sim))) return "the victim changed: " + before + " -> " + victimState(sim);
            }
        } catch (RuntimeException e) {
            return "the kernel threw " + e + " after " + hostile.calls + " calls (last " + hostile.last + ")";
        }
        if (hostile.calls < CALLS) return "the hostile task made only " + hostile.calls + " calls: "
                + sim.inspector().errors().stream().filter(KernelError::fatal).toList() + " (last " + hostile.last + ")";
        return null;
    }

    /** What the victim owns: its mappings (address, frame, rights) and its capabilities. */
    private static String victimState(Simulation sim) {
        var inspector = sim.inspector();
        TreeMap<Long, String> m = new TreeMap<>();
        for (var n : inspector.mappings("victim")) {
            long vaddr = Long.decode(n.vaddr());
            m.put(vaddr, n.frame() + ":" + n.rights() + ":" + Long.toHexString(inspector.translate("victim", vaddr)));
        }
        List<String> caps = new ArrayList<>();
        for (var c : inspector.capabilities("victim")) caps.add(c.slot() + "->" + c.target() + ":" + c.rights());
        return m + " caps " + caps;
    }

    /** User-level code that makes random system calls with random arguments. */
    private static final class Hostile implements UserCode {
        private final Random r;
        int calls;
        String last = "";

        Hostile(Random r) {
            this.r = r;
        }

        @Override public SourceRef location() { return AT; }

        @Override
        public boolean step(UserCpu cpu, long budget) {
            if (calls >= CALLS) return false;
            calls++;
            cpu.compute(1 + r.nextInt(50));
            UserRegisters regs = cpu.registers();
            Utcb u = cpu.utcb();
            long victimId = ThreadId.of(17, 1); // sigma0 is 16 on the i486's 16 lines; the victim comes next
            long to = switch (r.nextInt(6)) {
                case 0 -> victimId;
                case 1 -> r.nextLong();
                case 2 -> r.nextInt(40);
                case 3 -> ThreadId.interrupt(r.nextInt(20));
                case 4 -> dev.mkw.kernel.cap.Capabilities.REPLY;
                default -> ThreadId.of(r.nextInt(30), r.nextInt(3));
            };
            SystemCall call = HOSTILE_CALLS.get(r.nextInt(HOSTILE_CALLS.size()));
            last = call + " to " + to;
            switch (call) {
                case IPC -> {
                    List<TypedItem> items = new ArrayList<>();
                    for (int i = r.nextInt(3); i > 0; i--) items.add(item());
                    int words = r.nextInt(4);
                    int typed = Math.min(items.size() * 2, Utcb.MRS - 1 - words);
                    u.setMr(0, new MessageTag(r.nextInt(100), false, typed, words).encode());
                    for (int i = 0; i < words; i++) u.setMr(1 + i, r.nextLong());
                    int at = 1 + words;
                    for (TypedItem it : items) {
                        u.setMr(at++, it.word0());
                        u.setMr(at++, it.word1());
                    }
                    Acceptor.NONE.store(u);
                    regs.set(UserRegisters.TO, to);
                    regs.set(UserRegisters.FROM, r.nextInt(4) == 0 ? UserRegisters.ANY : UserRegisters.NIL);
                    regs.set(UserRegisters.SEND_TIMEOUT, r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2_000));
                    regs.set(UserRegisters.RECV_TIMEOUT, 1 + r.nextInt(2_000));
                }
                default -> {
                    regs.set(UserRegisters.TO, to);
                    regs.set(UserRegisters.ARG0, r.nextInt(3) == 0 ? randomFpage() : r.nextInt(64));
                    regs.set(UserRegisters.ARG1, r.nextInt(8));
                    regs.set(UserRegisters.ARG2, r.nextInt(2));
                    regs.set(UserRegisters.RECV_TIMEOUT, 1 + r.nextInt(2_000));
                }
            }
            cpu.trap(call);
            return true;
        }

        private TypedItem item() {
            return switch (r.nextInt(3)) {
                case 0 -> new TypedItem.MapItem(randomFpage(), r.nextLong(), false);
                case 1 -> new TypedItem.MapItem(randomFpage(), r.nextLong(), true);
                default -> new TypedItem.CapItem(r.nextInt(4), r.nextInt(8));
            };
        }

        /** An fpage word: sometimes the hostile's own pages, sometimes anything at all. */
        private long randomFpage() {
            if (r.nextBoolean()) return (0x20000 + 4096L * r.nextInt(4)) | ((12L + r.nextInt(3)) << 4) | r.nextInt(8);
            return r.nextLong();
        }
    }
}
