package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;
import dev.mkw.sim.TraceKind;

/**
 * The wakeup list of IPC timeouts (L4Ka::Pistachio, {@code kernel/src/api/v4/schedule.cc}:
 * threads with an armed timeout are linked through their TCBs and each timer tick walks the
 * list): a thread blocked with a finite timeout is on the list; it leaves the list when its
 * timeout expires or when its IPC completes first; a wait without timeout is never on it.
 * Sleepers wake in the order of their deadlines, whatever the order they went to sleep in.
 */
class WakeupListTest {

    private static Op sleep(long cycles) { return new Op.Receive(new Target.Nil(), null, null, Timeout.cycles(cycles), AT); }

    private static Simulation start(TaskSpec... tasks) {
        Scenario s = scenario("i486_50", KernelConfig.defaults(), tasks).withRun(RunSpec.defaults().withTrace(RunSpec.Trace.ON, 0));
        return Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
    }

    private static int listed(Simulation sim) {
        return sim.kernel().ipc().wakeups().size();
    }

    @Test
    void sleepersAreListedUntilTheirDeadlinesAndWakeInDeadlineOrder() {
        // Declared (and so put to sleep) in the reverse order of their deadlines.
        Simulation sim = start(task("t", null, thread("late", 10, sleep(300_000)), thread("mid", 10, sleep(200_000)), thread("early", 10, sleep(100_000))));
        sim.stepCycles(50_000);
        assertEquals(3, listed(sim), "three armed timeouts");
        assertEquals(3, sim.inspector().activeTimeouts());
        sim.stepCycles(100_000);
        assertEquals(2, listed(sim), "the earliest expired and left the list");
        sim.stepCycles(100_000);
        assertEquals(1, listed(sim));
        sim.run();
        assertEquals(0, listed(sim));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        List<String> woken = sim.inspector().traceEvents().stream().filter(e -> e.kind() == TraceKind.THREAD_STATE && e.detail().equals("timeout"))
                .map(e -> e.thread()).toList();
        assertEquals(List.of("t.early", "t.mid", "t.late"), woken);
    }

    /** A receive that gets its message before its deadline leaves the list at once; a wait without timeout never enters it. */
    @Test
    void aCompletedIpcLeavesTheListAndAnEndlessWaitNeverEntersIt() {
        var r = thread("r", 20, new Op.Receive(new Target.Thread("t.s"), null, "m", Timeout.cycles(1_000_000), AT), new Op.Compute(c(200_000), AT));
        var server = thread("srv", 20, waitAny("q"));
        var s = thread("s", 10, new Op.Compute(c(20_000), AT), new Op.Send(new Target.Thread("t.r"), words(1), Timeout.NEVER, AT));
        Simulation sim = start(task("t", null, r, server, s));
        sim.stepCycles(10_000);
        assertEquals(1, listed(sim), "r's timeout; srv waits without one");
        sim.stepCycles(50_000);
        assertEquals(0, listed(sim), "r got its message and left the list");
        assertEquals(0, sim.inspector().activeTimeouts());
        assertEquals("RECEIVING", sim.inspector().thread("t.srv").state());
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(1, sim.userState("t.r").received("m").words()[0]);
    }
}
