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
 * @param window         out of order: reorder-buffer entries; in order: 0
 * @param estimated      whether a figure is an estimate or from a secondary source
 */
public record PipelineSpec(boolean outOfOrder, int issueWidth, int aluUnits, int loadStoreUnits, int branchUnits, int loadToUse,
        int window, boolean estimated) {

    /** What is wrong with this pipeline, or null. */
    public String problem() {
        if (issueWidth < 1 || aluUnits < 1 || loadStoreUnits < 1 || branchUnits < 1)
            return "pipeline: issueWidth, aluUnits, loadStoreUnits and branchUnits must be at least 1";
        if (loadToUse < 1) return "pipeline: loadToUse must be at least 1, not " + loadToUse;
        if (outOfOrder && window < issueWidth) return "pipeline: an out-of-order window (" + window + ") must hold at least issueWidth (" + issueWidth + ") instructions";
        if (!outOfOrder && window != 0) return "pipeline: an in-order pipeline has no window (0), not " + window;
        return null;
    }
}
