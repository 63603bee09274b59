package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.IrqAttachment;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Boot, as an L4 kernel and its root server set up the initial system (L4 X.2 reference
 * manual, "Kernel Interface Page": interrupt threads take the numbers 0..lines-1, user threads
 * start at UserBase): sigma0 gets the first user thread number, the scenario's threads the next
 * ones in declaration order, all version 1; each task's UTCBs and each thread's code are mapped
 * before it runs; pagers, exception handlers and IRQ attachments are resolved to threads once,
 * and a name that resolves to nothing stops the boot with a message naming it.
 */
class BootTest {

    private static Simulation boot(String preset, Scenario s) {
        return Simulation.create(s, MachinePresets.get().machine(preset, 0));
    }

    @Test
    void threadNumbersStartAboveTheInterruptLinesWithSigma0First() {
        for (String preset : new String[] {"i486_50", "cortex_a9"}) {
            Scenario s = scenario(preset, KernelConfig.defaults(), task("a", null, thread("x", 10, new Op.Exit(AT)), thread("y", 10, new Op.Exit(AT))),
                    task("b", null, thread("z", 10, new Op.Exit(AT))));
            Simulation sim = boot(preset, s);
            int lines = sim.machine().interruptController().lines();
            List<String> names = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (ThreadInfo t : sim.inspector().threads()) {
                int id = Long.decode(t.id()).intValue();
                names.add(t.name());
                numbers.add(ThreadId.number(id));
                assertEquals(1, ThreadId.version(id), preset + ": " + t.name() + " has version 1");
            }
            assertEquals(List.of("a.x", "a.y", "b.z", "sigma0"), names);
            assertEquals(List.of(lines + 1, lines + 2, lines + 3, lines), numbers, preset + ": sigma0 at UserBase = " + lines + ", then declaration order");
        }
    }

    /** Nine threads of 512-byte UTCBs need two pages of the UTCB area; both are mapped, and each thread's code read-execute, before anything ran. */
    @Test
    void utcbsAndCodeAreMappedBeforeTheThreadsRun() {
        ThreadSpec[] threads = new ThreadSpec[9];
        for (int i = 0; i < threads.length; i++) threads[i] = thread("t" + i, 10, new Op.Exit(AT));
        Simulation sim = boot("i486_50", scenario("i486_50", KernelConfig.defaults(), task("a", null, threads)));
        for (int i = 0; i < threads.length; i++) assertTrue(sim.inspector().translate("a", KernelLayout.UTCB_AREA + i * 512L) >= 0, "UTCB of t" + i);
        var text = sim.inspector().mappings("a").stream().filter(m -> Long.decode(m.vaddr()) == KernelLayout.USER_TEXT).findFirst().orElseThrow();
        assertEquals("r-x", text.rights());
        assertEquals("sigma0", text.derivedFrom(), "code frames come from sigma0 like any memory");
    }

    @Test
    void namesThatResolveToNoThreadStopTheBoot() {
        var t = new ThreadSpec("t", 10, 0, 0, false, "nobody.p", "nobody.h", List.of(new Op.Exit(AT)), AT);
        Scenario s = new Scenario("test", "", "test.mkw", dev.mkw.scenario.MachineSpec.preset("i486_50"), KernelConfig.defaults(),
                List.of(new TaskSpec("a", null, null, List.of(), List.of(), List.of(new TaskSpec.CapSpec(0, "ghost.g", 0, "s")), List.of(t), AT)),
                List.of(new IrqAttachment(4, "a.missing", AT), new IrqAttachment(99, "a.t", AT)), List.of(), dev.mkw.scenario.RunSpec.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> boot("i486_50", s));
        String m = e.getMessage();
        assertTrue(m.contains("thread a.t: pager nobody.p does not exist"), m);
        assertTrue(m.contains("thread a.t: exception handler nobody.h does not exist"), m);
        assertTrue(m.contains("task a: capability 0 names unknown thread ghost.g"), m);
        assertTrue(m.contains("IRQ 4 attached to unknown thread a.missing"), m);
        assertTrue(m.contains("IRQ line 99 does not exist (0..15)"), m);
    }

    /** An IRQ attachment declared in the scenario is in place from the start. */
    @Test
    void declaredAttachmentsAreInPlaceAtBoot() {
        Scenario s = new Scenario("test", "", "test.mkw", dev.mkw.scenario.MachineSpec.preset("i486_50"), KernelConfig.defaults(),
                List.of(task("a", null, thread("t", 10, new Op.Exit(AT)))), List.of(new IrqAttachment(5, "a.t", AT)), List.of(), dev.mkw.scenario.RunSpec.defaults());
        assertEquals("a.t", boot("i486_50", s).inspector().irqHandler(5));
    }
}
