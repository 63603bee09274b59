package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;

/**
 * The user-level system-call library ({@code dev.mkw.user.SystemCallStubs}, the "libl4") costs
 * its own instructions: a move per register it loads before the trap (docs/cost-model.md,
 * {@code REGISTER_LOAD_INSTRUCTIONS}). Every figure measured from user level includes them
 * ({@code mkw fidelity}); a library that loaded registers for free would leave them out.
 */
class SystemCallStubsTest {

    private static long userCyclesOf(int notifies) {
        Op notify = new Op.Notify(new Target.Thread("t.n"), c(1), AT);
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("t", null, thread("n", 20, repeat(notifies, notify)))));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return sim.inspector().thread("t.n").userCycles();
    }

    /** A notify loads four registers (destination and three arguments): at least four instruction cycles of user time a call on the i486 (one cycle a move). */
    @Test
    void theLibraryPaysAMovePerRegisterItLoads() {
        long few = userCyclesOf(10), many = userCyclesOf(1010);
        double perCall = (many - few) / 1000.0;
        assertTrue(perCall >= 4, "user cycles per notify: " + perCall);
    }
}
