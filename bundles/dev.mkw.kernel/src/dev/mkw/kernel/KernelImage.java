package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.memory.KernelMemory;

/**
 * The kernel image: every {@link KernelCode} block laid out one after the other in kernel
 * text, so that executing a path fetches real addresses through the instruction TLB and
 * cache. Code footprint, conflicts with user code and data in unified caches, and cold
 * versus warm paths follow from where the blocks are and what else the caches hold.
 */
public final class KernelImage {
    private final long[] start = new long[KernelCode.values().length];
    private final long[] bytes = new long[KernelCode.values().length];
    private final int[] instructions = new int[KernelCode.values().length];
    private final int[] takenBranches = new int[KernelCode.values().length];
    private final int[] systemRegisterMoves = new int[KernelCode.values().length];
    private final double[] scale = new double[KernelCode.values().length];
    /** Cycles of one whole pass of a block as the machine's pipeline schedules its instruction stream; -1 where it has none. */
    private final long[] scheduled = new long[KernelCode.values().length];
    private final int bytesPerInstruction;
    private final long size;

    KernelImage(long textBase, dev.mkw.kernel.abi.Abi abi) {
        this(textBase, abi, 0, java.util.Map.of(), null, 0);
    }

    /**
     * @param countedEntryInstructions instructions of the default entry mechanism's software part
     *                                 that the counted fast path contains ({@link KernelEntry}): taken out
     *                                 here, since the mechanism in use charges its own
     * @param scale                    factors on blocks' instruction counts (sensitivity analysis; 1 where absent)
     * @param issue                    the machine's pipeline, or null for a scalar core: a counted block with an
     *                                 instruction stream is then scheduled on it, once, here (the stream is the same
     *                                 every pass)
     * @param dataHitCycles            the first-level data cache's hit latency
     */
    KernelImage(long textBase, dev.mkw.kernel.abi.Abi abi, int countedEntryInstructions, java.util.Map<KernelCode, Double> scale,
            dev.mkw.hw.sim.IssueModel issue, long dataHitCycles) {
        this.hiddenHitCycles = issue == null ? 0 : dataHitCycles;
        this.bytesPerInstruction = abi.codeBytesPerInstruction();
        long at = textBase;
        for (KernelCode c : KernelCode.values()) {
            dev.mkw.kernel.abi.CountedPath counted = counted(c, abi);
            // A counted block is not an estimate: the sensitivity analysis's factors do not apply to it.
            double f = counted != null || c == KernelCode.COPY_WORD && abi.fastPathCall().perWord() > 0 ? 1.0 : scale.getOrDefault(c, 1.0);
            this.scale[c.ordinal()] = f;
            int n = counted != null ? counted.instructions() - countedEntryInstructions
                    : c == KernelCode.COPY_WORD && abi.fastPathCall().perWord() > 0 ? abi.fastPathCall().perWord() : c.instructions();
            instructions[c.ordinal()] = f == 1.0 ? n : (int) Math.round(n * f);
            takenBranches[c.ordinal()] = counted == null ? 0 : counted.taken();
            dev.mkw.hw.sim.InstructionStream stream = counted == null ? null : counted.instructionStream();
            // The stream holds the default entry mechanism's software part, which KernelEntry charges (one
            // instruction a cycle, whichever mechanism runs): the block's schedule is taken net of it.
            scheduled[c.ordinal()] = issue == null || stream == null ? -1
                    : Math.max(0, issue.cycles(stream) - countedEntryInstructions * issue.instructionCycles());
            // Barriers besides the address-space switch's are charged as system-register moves until the machine has a barrier cost.
            systemRegisterMoves[c.ordinal()] = counted == null ? 0 : counted.systemRegisterMoves() + counted.barriers();
            // A counted path's code holds its privileged instructions too (charged apart, fetched all the same).
            int codeInstructions = counted == null ? instructions[c.ordinal()] : counted.total() - countedEntryInstructions;
            bytes[c.ordinal()] = (long) codeInstructions * bytesPerInstruction;
            if (c == KernelCode.IPC_FASTPATH_REPLY && abi.sharedIpcCode()) {
                // Pistachio's one fast path serves both, and Fiasco's one do_ipc: the same code, fetched from the same lines.
                start[c.ordinal()] = start[KernelCode.IPC_FASTPATH.ordinal()];
                continue;
            }
            start[c.ordinal()] = at;
            // Blocks start on 16-byte boundaries, as compilers align function entries.
            at = (at + bytes[c.ordinal()] + 15) & -16L;
        }
        this.size = at - textBase;
    }

    /** The counted real-kernel path block {@code c} stands for, or null where its length is a {@link PathLengths} estimate. */
    private static dev.mkw.kernel.abi.CountedPath counted(KernelCode c, dev.mkw.kernel.abi.Abi abi) {
        return switch (c) {
            case IPC_FASTPATH -> abi.fastPathCall();
            case IPC_FASTPATH_REPLY -> abi.fastPathReplyWait();
            case NOTIFY -> abi.invocation();
            default -> null;
        };
    }

    private final long hiddenHitCycles;

    /**
     * What of a kernel data access the pipeline hides: on a machine with a pipeline, a load's
     * first-level hit is its load-to-use latency, which the schedule has, so a kernel data access
     * costs only what it takes beyond that hit (a miss's extra cycles); on a scalar core, 0.
     */
    long hiddenHitCycles() {
        return hiddenHitCycles;
    }

    /** Map the text pages (boot). */
    void load(KernelMemory memory, MemoryHierarchy mem, int pageBytes) {
        for (long a = start[0] & -(long) pageBytes; a < start[0] + size; a += pageBytes) {
            if (!memory.mapped(a)) memory.mapFreshText(a, mem);
        }
    }

    /** The instructions block {@code c} has on this machine's ISA. */
    public int instructions(KernelCode c) {
        return instructions[c.ordinal()];
    }

    /** {@code n} instructions of block {@code c} as the block's scale makes them (n where it is 1). */
    int scaled(KernelCode c, int n) {
        double f = scale[c.ordinal()];
        return f == 1.0 ? n : (int) Math.round(n * f);
    }

    /**
     * The cycles one pass of the whole block {@code c} takes as the machine's pipeline schedules
     * the walked instruction stream of the real kernel's path (system-register moves and barriers
     * included; the privileged mechanisms are charged apart), or -1 where the block has no stream
     * or the machine no pipeline: its instructions are then charged by class, one after another.
     */
    public long scheduledCycles(KernelCode c) {
        return scheduled[c.ordinal()];
    }

    /** The taken branches of one execution of the whole block {@code c}, where they are known. */
    public int takenBranches(KernelCode c) {
        return takenBranches[c.ordinal()];
    }

    /** The system-register moves of one execution of the whole block {@code c} (charged as {@code SYSTEM_REGISTER}). */
    public int systemRegisterMoves(KernelCode c) {
        return systemRegisterMoves[c.ordinal()];
    }

    public long start(KernelCode c) {
        return start[c.ordinal()];
    }

    /** The bytes the first {@code instructions} instructions of {@code c} occupy (a loop fetches its body once). */
    public long bytes(KernelCode c, int instructions) {
        return Math.min(bytes[c.ordinal()], (long) instructions * bytesPerInstruction);
    }

    /** Bytes of kernel text in all. */
    public long size() {
        return size;
    }
}
