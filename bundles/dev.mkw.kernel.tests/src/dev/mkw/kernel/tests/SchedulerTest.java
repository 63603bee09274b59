package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelConfig.Scheduling;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;
import dev.mkw.kernel.sched.Scheduler;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.report.ThreadStats;

/**
 * Fixed-priority round-robin scheduling with the ready-queue variants of Liedtke's "Improving
 * IPC by Kernel Design" (SOSP 1993, §5.2 "lazy scheduling") and Benno scheduling (Elphinstone
 * and Heiser, "From L3 to seL4", SOSP 2013, §3.4.2): the highest-priority ready thread runs,
 * equal priorities take turns; eager scheduling keeps exactly the ready threads queued, lazy
 * scheduling leaves blocked threads queued until the scheduler meets them, Benno keeps the
 * running thread out of the queue so a direct switch to an IPC partner touches no queue. The
 * variants differ in queue work, never in the schedule.
 */
class SchedulerTest {

    @Test
    void lazyAndBennoGiveTheSameScheduleAtDifferentQueueCost() {
        Simulation lazy = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.LAZY), 100));
        Simulation benno = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.BENNO), 100));
        Simulation eager = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.EAGER), 100));
        assertEquals(lazy.threads().get(1).ipcsSent(), benno.threads().get(1).ipcsSent());
        assertEquals(lazy.threads().get(0).ipcsReceived(), eager.threads().get(0).ipcsReceived());
        assertTrue(benno.inspector().queueOperations() < lazy.inspector().queueOperations(),
                "Benno switches to the IPC partner without queue operations: " + benno.inspector().queueOperations() + " vs " + lazy.inspector().queueOperations());
    }

    @Test
    void lazyDispatchingPaysForBlockedThreadsLeftInTheQueue() {
        // n threads block in receive; with lazy dispatching they stay queued until the scheduler meets them.
        int n = 20;
        var tasks = new java.util.ArrayList<dev.mkw.scenario.TaskSpec>();
        for (int i = 0; i < n; i++) {
            tasks.add(task("w" + i, null, thread("t", 50, new Op.Receive(new Target.Any(), null, "m", Timeout.cycles(1_000_000), AT))));
        }
        tasks.add(task("main", null, thread("m", 10, new Op.Compute(c(100), AT))));
        var arr = tasks.toArray(dev.mkw.scenario.TaskSpec[]::new);
        Simulation lazy = run(scenario("i486_50", KernelConfig.defaults().withScheduling(Scheduling.LAZY), arr));
        Simulation eager = run(scenario("i486_50", KernelConfig.defaults().withScheduling(Scheduling.EAGER), arr));
        assertTrue(lazy.inspector().skippedBlocked() >= n, "lazy skipped " + lazy.inspector().skippedBlocked());
        assertEquals(0, eager.inspector().skippedBlocked());
    }

    @Test
    void timerPreemptsRoundRobinAtEqualPriority() {
        var a = thread("a", 10, new Op.Compute(c(100_000), AT));
        var b = thread("b", 10, new Op.Compute(c(100_000), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults().withTimesliceCycles(10_000), task("t", null, a, b)));
        assertTrue(sim.inspector().path("irq.timer").count() >= 10);
        assertTrue(sim.threads().get(0).switchesIn() > 2 && sim.threads().get(1).switchesIn() > 2, "both ran in turns");
    }

    private static Tcb tcb(int number, int priority) {
        return new Tcb(ThreadId.of(number, 1), "t" + number, priority, null, 0, 0, null, new ThreadStats.Counter("t" + number));
    }

    /** The highest priority runs first; at equal priority the thread whose timeslice ended goes behind the others. */
    @Test
    void theHighestPriorityRunsAndEqualPrioritiesTakeTurns() {
        for (Scheduling v : Scheduling.values()) {
            Scheduler s = new Scheduler(v);
            Tcb a = tcb(20, 10), b = tcb(21, 10), high = tcb(22, 30);
            s.makeReady(a);
            s.makeReady(b);
            s.makeReady(high);
            assertSame(high, s.pick(null), v + ": priority first");
            high.state = ThreadState.DEAD;
            s.remove(high);
            assertSame(a, s.pick(null), v + ": then the first queued at the next priority");
            s.rotate(a);
            assertSame(b, s.pick(null), v + ": round robin");
        }
    }

    /** Eager scheduling unlinks a thread when it blocks; lazy scheduling leaves it queued and drops it only when pick meets it. */
    @Test
    void lazySchedulingDropsBlockedThreadsOnlyWhenItMeetsThem() {
        Scheduler eager = new Scheduler(Scheduling.EAGER), lazy = new Scheduler(Scheduling.LAZY);
        for (Scheduler s : new Scheduler[] {eager, lazy}) {
            Tcb a = tcb(20, 10), b = tcb(21, 10);
            s.makeReady(a);
            s.makeReady(b);
            a.state = ThreadState.RECEIVING;
            int ops = s.block(a);
            assertEquals(s == eager ? 1 : 0, ops, s.variant() + ": queue operations of the block");
            assertEquals(s == eager ? 1 : 2, s.queued(), s.variant().toString());
            assertSame(b, s.pick(null), s.variant() + ": the blocked thread never runs");
            assertEquals(s == eager ? 0 : 1, s.skippedBlocked(), s.variant() + ": lazy met the blocked thread once");
            assertEquals(1, s.queued(), s.variant() + ": afterwards only b is queued");
        }
    }

    /**
     * An IPC that blocks the caller and switches straight to the woken partner: Benno touches no
     * queue (neither the blocked caller nor the partner, who is running now, is queued); the
     * other variants link the partner in.
     */
    @Test
    void bennoSwitchesToAnIpcPartnerWithoutQueueWork() {
        for (Scheduling v : Scheduling.values()) {
            Scheduler s = new Scheduler(v);
            Tcb partner = tcb(20, 10);
            partner.state = ThreadState.READY;
            long before = s.queueOps();
            int ops = s.directSwitch(null, partner);
            assertEquals(v == Scheduling.BENNO ? 0 : 1, ops, v.toString());
            assertEquals(ops, s.queueOps() - before, v + ": counted");
        }
    }
}
