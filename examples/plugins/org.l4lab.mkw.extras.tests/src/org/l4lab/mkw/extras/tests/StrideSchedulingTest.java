package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l4lab.mkw.extras.sched.StrideScheduling;

import dev.mkw.kernel.sched.SchedThread;
import dev.mkw.kernel.sched.SchedulerPolicies;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

class StrideSchedulingTest {
    record T(String name, int priority, long timesliceCycles) implements SchedThread {}

    /**
     * Tickets 4:2:1 with whole quanta, worked by hand from the paper's rules (stride = 2^20 /
     * tickets, a = 2^18): passes start at one stride (A=a, B=2a, C=4a); the smallest runs and
     * advances by its stride; ties go to the thread created first.
     * A(a) A(2a) B(2a) A(3a) A(4a) B(4a) C(4a) A(5a) A(6a) B(6a) A(7a), then A, B, C tie at 8a.
     */
    @Test
    void wholeQuantaFollowTheHandWorkedSchedule() {
        T a = new T("A", 4, 1000), b = new T("B", 2, 1000), c = new T("C", 1, 1000);
        List<SchedThread> all = List.of(a, b, c);
        StrideScheduling policy = (StrideScheduling) new StrideScheduling().forRun();
        StringBuilder order = new StringBuilder();
        long now = 0;
        for (int i = 0; i < 14; i++) {
            SchedThread next = policy.choose(all, now);
            order.append(next.name());
            now += 1000;
            policy.ran(next, 1000);
        }
        assertEquals("AABAABCAABAABC", order.toString());
    }

    @Test
    void aThreadBackFromBlockingDoesNotCatchUp() {
        T a = new T("A", 1, 1000), b = new T("B", 1, 1000);
        StrideScheduling policy = (StrideScheduling) new StrideScheduling().forRun();
        for (int i = 0; i < 2; i++) policy.ran(policy.choose(List.of(a, b), 0), 1000);
        // B blocks for 50 quanta: A runs alone.
        for (int i = 0; i < 50; i++) policy.ran(policy.choose(List.of(a), 0), 1000);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SchedThread next = policy.choose(List.of(a, b), 0);
            order.add(next.name());
            policy.ran(next, 1000);
        }
        // Equal tickets: they alternate instead of B running 50 quanta in a row.
        assertEquals(3, order.stream().filter("B"::equals).count(), order.toString());
    }

    @Test
    void eachRunGetsItsOwnState() {
        StrideScheduling shared = new StrideScheduling();
        assertNotSame(shared.forRun(), shared.forRun());
    }

    @Test
    void theKernelFindsThePolicy() {
        assertTrue(SchedulerPolicies.get().ids().contains("stride"), SchedulerPolicies.get().ids().toString());
    }

    /** Three CPU-bound threads with 4, 2 and 1 tickets share the CPU 4:2:1 (error within a quantum per thread). */
    @Test
    void aScenarioUnderStrideGetsProportionalShares() {
        RunReport r = Runs.run("""
                scenario StrideShares "stride scheduling: CPU shares follow tickets"
                machine preset pentium_100
                kernel {
                    scheduler stride
                    timeslice 10000 cycles
                }
                task work pager root {
                    thread a priority 4 { repeat forever { compute 1000 cycles } }
                    thread b priority 2 { repeat forever { compute 1000 cycles } }
                    thread c priority 1 { repeat forever { compute 1000 cycles } }
                }
                run until 7000000 cycles seed 1
                """);
        ThreadStats a = r.threads().get("work.a"), b = r.threads().get("work.b"), c = r.threads().get("work.c");
        long total = a.userCycles() + b.userCycles() + c.userCycles();
        assertTrue(total > 6_000_000, "the threads used the CPU: " + total);
        assertShare(4.0 / 7, a.userCycles(), total, "a");
        assertShare(2.0 / 7, b.userCycles(), total, "b");
        assertShare(1.0 / 7, c.userCycles(), total, "c");
    }

    private static void assertShare(double expected, long cycles, long total, String who) {
        double share = (double) cycles / total;
        assertEquals(expected, share, 0.01, who + " got " + cycles + " of " + total + " cycles");
    }
}
