package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.kernel.sched.SchedThread;
import dev.mkw.kernel.sched.SchedulerPolicies;
import dev.mkw.kernel.sched.SchedulerPolicy;

/** A contributed scheduling policy replaces the kernel's choice of the next thread. */
class SchedulerPolicyTest {

    /** Lowest priority first: the opposite of the built-in policy, so the effect is unmistakable. */
    static final class LowestFirst implements SchedulerPolicy {
        final List<String> order = new ArrayList<>();
        long ranTotal;

        @Override public String id() { return "test-lowest-first"; }
        @Override public String description() { return "runs the lowest priority first"; }

        @Override
        public SchedThread choose(List<SchedThread> runnable, long now) {
            SchedThread best = null;
            for (SchedThread t : runnable) if (best == null || t.priority() < best.priority()) best = t;
            if (best != null && (order.isEmpty() || !order.get(order.size() - 1).equals(best.name()))) order.add(best.name());
            return best;
        }

        @Override
        public void ran(SchedThread t, long cycles) { ranTotal += cycles; }
    }

    @Test
    void aRegisteredPolicyDecidesWhoRuns() {
        LowestFirst policy = new LowestFirst();
        SchedulerPolicies.get().register(policy);
        var s = scenario("i486_50", KernelConfig.defaults().withSchedulerPolicy("test-lowest-first"),
                task("t", null, thread("high", 200, new Op.Compute(c(1000), AT)), thread("low", 10, new Op.Compute(c(1000), AT))));
        Simulation sim = run(s);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals("t.low", policy.order.get(0), "the policy ran the low-priority thread first: " + policy.order);
        assertTrue(policy.ranTotal > 0, "the policy was told how long threads ran");
        assertTrue(SchedulerPolicies.get().ids().contains("test-lowest-first"));
    }

    @Test
    void anUnknownPolicyIsAClearError() {
        var s = pingPong("i486_50", KernelConfig.defaults().withSchedulerPolicy("edf-nonexistent"), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(s));
        assertTrue(e.getMessage().startsWith("unknown scheduler policy 'edf-nonexistent'; known: priority-rr"), e.getMessage());
    }
}
