package dev.mkw.hw.sim;

import dev.mkw.hw.sim.InstructionStream.Kind;

/**
 * How many cycles a core takes for an {@link InstructionStream}, from the first instruction's
 * dispatch to the last one's result, given its {@link PipelineSpec}: dependencies, issue width,
 * execution units and latencies, in order or out of order. This is the first-order model of a
 * superscalar core (Karkhanis and Smith, "A First-Order Superscalar Processor Model", ISCA 2004):
 * with no cache misses and every branch predicted, a core is limited by its width and by the
 * dependencies among the instructions in its window; misses are charged apart, by the memory
 * hierarchy. A kernel path starts on an empty pipeline (the exception entry drains it), so its
 * stream is scheduled from cycle 0.
 *
 * <p>Latencies: one cycle for an ALU instruction, a branch and a store; two for an ALU
 * instruction with a shifted or extended operand and for a multiply (the Arm optimisation guides'
 * figure for the cores MKW has, and LLVM's Cortex-A9 model's); {@link PipelineSpec#loadToUse}
 * for a load; the machine's {@code SYSTEM_REGISTER} for a system-register move and for a
 * barrier. A taken branch ends the cycle's fetch: the next instruction is dispatched
 * {@code BRANCH_TAKEN} cycles after it at the earliest. A {@link Kind#SERIALIZING} instruction
 * waits for every older one and holds back every younger one; its own cycles are charged
 * through the machine's cost for the mechanism (entry, exit, page-table root load), not here.
 * After a {@link Kind#CONTEXT_SYNCHRONIZING} one (an instruction barrier, an exception return)
 * the core refetches: the next instruction comes {@link PipelineSpec#refillCycles} later, the
 * first-order model's penalty for a redirected fetch, which counts in the stream's cycles even
 * after its last instruction (the refetch of the code it returns to).
 */
public final class IssueModel {
    /** Cycles of an ALU instruction with a shifted or extended operand, and of a multiply. */
    public static final int MULTI_CYCLE_LATENCY = 2;

    private static final int ALU = 0, LOAD_STORE = 1, BRANCH = 2, SYSTEM = 3;
    private final PipelineSpec p;
    private final long branchTaken;
    private final long systemRegister;
    private final long instruction;

    public IssueModel(PipelineSpec pipeline, CostTable costs) {
        this.p = pipeline;
        this.instruction = costs.cost(CostKind.INSTRUCTION);
        this.branchTaken = Math.max(1, costs.cost(CostKind.BRANCH_TAKEN));
        this.systemRegister = Math.max(1, costs.cost(CostKind.SYSTEM_REGISTER));
    }

    public PipelineSpec pipeline() {
        return p;
    }

    /** The refill after a context-synchronising event: an exception entry starts the kernel's stream with one. */
    public long refillCycles() {
        return p.refillCycles();
    }

    /** The machine's {@code INSTRUCTION} cost: what an instruction charged outside a stream costs. */
    public long instructionCycles() {
        return instruction;
    }

    /** The cycles from dispatching the first instruction of {@code s} to the last result. */
    public long cycles(InstructionStream s) {
        int n = s.length();
        long[] issued = new long[n];
        long[] done = new long[n];
        Occupancy slots = new Occupancy();
        Occupancy[] busy = { new Occupancy(), new Occupancy(), new Occupancy(), new Occupancy() };
        int[] units = { p.aluUnits(), p.loadStoreUnits(), p.branchUnits(), 1 };
        long earliest = 0; // no younger instruction is dispatched before this (taken branch, serialising instruction)
        long previous = 0; // in order: the cycle the instruction before issued in; out of order: was dispatched in
        long allDone = 0;
        for (int i = 0; i < n; i++) {
            Kind k = s.kind(i);
            long ready = earliest;
            int[] from = s.producers(i);
            for (int j = 0; j < from.length; j++) {
                int q = i - from[j];
                ready = Math.max(ready, s.fastResult(i, j) ? issued[q] + 1 : done[q]);
            }
            if (k == Kind.SERIALIZING || k == Kind.CONTEXT_SYNCHRONIZING) {
                long t = Math.max(ready, allDone);
                issued[i] = done[i] = t;
                long next = k == Kind.CONTEXT_SYNCHRONIZING ? t + p.refillCycles() : t;
                earliest = Math.max(earliest, next);
                allDone = Math.max(allDone, next);
                continue;
            }
            if (k == Kind.BARRIER) ready = Math.max(ready, allDone);
            long dispatch = Math.max(earliest, previous);
            if (p.outOfOrder()) {
                if (i >= p.reorderBuffer()) dispatch = Math.max(dispatch, done[i - p.reorderBuffer()]);
                while (slots.at(dispatch) >= p.issueWidth()) dispatch++;
                slots.take(dispatch);
                previous = dispatch;
            } else {
                ready = Math.max(ready, previous);
            }
            int unit = unit(k);
            long t = Math.max(ready, dispatch);
            if (p.outOfOrder()) {
                while (busy[unit].at(t) >= units[unit]) t++;
            } else {
                while (slots.at(t) >= p.issueWidth() || busy[unit].at(t) >= units[unit]) t++;
                slots.take(t);
                previous = t;
            }
            busy[unit].take(t);
            issued[i] = t;
            done[i] = t + latency(k);
            allDone = Math.max(allDone, done[i]);
            if (k == Kind.BARRIER) earliest = Math.max(earliest, done[i]);
            if (k == Kind.TAKEN_BRANCH) earliest = Math.max(earliest, (p.outOfOrder() ? dispatch : t) + branchTaken);
        }
        return allDone;
    }

    /**
     * How many of something (issue slots, a unit's pipelines) each cycle has used. Sparse: a
     * schedule is computed once per block, and a latency set from outside may be large.
     */
    private static final class Occupancy {
        private final java.util.Map<Long, Integer> used = new java.util.HashMap<>();

        int at(long cycle) {
            return used.getOrDefault(cycle, 0);
        }

        void take(long cycle) {
            used.merge(cycle, 1, Integer::sum);
        }
    }

    private long latency(Kind k) {
        return switch (k) {
            case MULTI_CYCLE_ALU -> MULTI_CYCLE_LATENCY;
            case LOAD -> p.loadToUse();
            case SYSTEM_REGISTER, BARRIER -> systemRegister;
            default -> 1;
        };
    }

    private static int unit(Kind k) {
        return switch (k) {
            case ALU, MULTI_CYCLE_ALU -> ALU;
            case LOAD, STORE -> LOAD_STORE;
            case BRANCH, TAKEN_BRANCH -> BRANCH;
            default -> SYSTEM;
        };
    }
}
