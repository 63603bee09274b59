package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.SourceRef;

/**
 * User-level code for tests of the system-call boundary: each step is one piece of user code
 * written against the ABI (load registers and UTCB, trap), so a test reaches a system call
 * exactly as a program would, without the scenario interpreter. A step sees in the registers
 * and UTCB what the previous step's system call returned.
 */
final class RawThread implements UserCode {
    private final List<Consumer<UserCpu>> steps;
    private int next;

    @SafeVarargs
    RawThread(Consumer<UserCpu>... steps) {
        this.steps = List.of(steps);
    }

    /** How many steps ran (a step after the thread's end never runs). */
    int stepsRun() {
        return next;
    }

    @Override
    public boolean step(UserCpu cpu, long budget) {
        if (next >= steps.size()) return false;
        steps.get(next++).accept(cpu);
        return true;
    }

    @Override
    public SourceRef location() {
        return Scenarios.AT;
    }

    /** Run {@code s} with the raw code of the threads named in {@code code} (by their name in the task); the others run their programs. */
    static Simulation run(Scenario s, Map<String, RawThread> code) {
        Simulation sim = Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), 0), th -> code.get(th.name()));
        sim.run();
        return sim;
    }
}
