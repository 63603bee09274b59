package dev.mkw.hw.sim;

/**
 * How a core issues instructions: what {@link IssueModel} needs to schedule an
 * {@link InstructionStream}. A machine without one is charged per instruction class in turn,
 * as a scalar core would be.
 *
 * @param outOfOrder     whether an instruction may issue before older ones whose operands are not ready
 * @param issueWidth     instructions decoded and dispatched per cycle
 * @param aluUnits       integer pipelines
 * @param loadStoreUnits load/store pipelines
 * @param branchUnits    branch pipelines
 * @param loadToUse      cycles from a load that hits the first-level data cache to a use of its result
 * @param reorderBuffer  out of order: reorder-buffer entries; in order: not used
 * @param refillCycles   cycles from a redirect of fetch to the next dispatch (the branch-misprediction penalty),
 *                       paid after a context-synchronising event: exception entry and return, an instruction barrier
 * @param estimated      whether a figure is an estimate or from a secondary source
 */
public record PipelineSpec(boolean outOfOrder, int issueWidth, int aluUnits, int loadStoreUnits, int branchUnits, int loadToUse,
        int reorderBuffer, int refillCycles, boolean estimated) {

    /** What is wrong with this pipeline, or null. */
    public String problem() {
        if (issueWidth < 1 || aluUnits < 1 || loadStoreUnits < 1 || branchUnits < 1)
            return "pipeline: issueWidth, aluUnits, loadStoreUnits and branchUnits must be at least 1";
        // Bounds a pipeline of this world keeps (and a schedule's length stays a few thousand cycles).
        if (issueWidth > 64 || aluUnits > 64 || loadStoreUnits > 64 || branchUnits > 64) return "pipeline: at most 64 wide and 64 units of a kind";
        if (loadToUse > 1000 || refillCycles > 1000) return "pipeline: loadToUse and refillCycles are at most 1000 cycles";
        if (refillCycles < 0) return "pipeline: refillCycles must not be negative, not " + refillCycles;
        if (loadToUse < 1) return "pipeline: loadToUse must be at least 1, not " + loadToUse;
        if (outOfOrder && reorderBuffer < issueWidth) return "pipeline: an out-of-order reorderBuffer (" + reorderBuffer + ") must hold at least issueWidth (" + issueWidth + ") instructions";
        return null;
    }
}
