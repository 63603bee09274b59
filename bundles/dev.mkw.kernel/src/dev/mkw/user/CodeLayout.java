package dev.mkw.user;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.scenario.Op;

/**
 * Where each operation of a thread's program sits in the thread's text: every operation gets
 * {@link ScenarioThread#BYTES_PER_OPERATION} bytes, in program order (a loop's or a branch's body right
 * after the statement that holds it).
 *
 * <p>The offsets are kept per block, parallel to the block's list of operations, so the
 * interpreter finds the offset of the operation it runs by the index it already has
 * ({@link UserProgram#codeOffset()}) instead of a map lookup per operation (JFR: 1.7 % of a
 * short IPC's host time was that {@code IdentityHashMap.get}).
 */
final class CodeLayout {
    private static final int BYTES_PER_OPERATION = ScenarioThread.BYTES_PER_OPERATION;
    private static final long[] NONE = {};

    private final Map<Op, Long> byOperation = new IdentityHashMap<>();
    private final Map<List<Op>, long[]> byBlock = new IdentityHashMap<>();

    CodeLayout(List<Op> body) {
        layOut(body);
        block(body);
    }

    /** Give every operation of the program its place in the text, in program order. */
    private void layOut(List<Op> ops) {
        for (Op op : ops) {
            byOperation.put(op, (long) byOperation.size() * BYTES_PER_OPERATION);
            if (op instanceof Op.Repeat r) layOut(r.body());
            if (op instanceof Op.If i) {
                layOut(i.then());
                layOut(i.otherwise());
            }
        }
    }

    /** Each block's offsets, read from the operations' (an operation object used twice keeps the place it got last). */
    private void block(List<Op> ops) {
        long[] offsets = new long[ops.size()];
        for (int i = 0; i < offsets.length; i++) {
            Op op = ops.get(i);
            offsets[i] = byOperation.get(op);
            if (op instanceof Op.Repeat r) block(r.body());
            if (op instanceof Op.If b) {
                block(b.then());
                block(b.otherwise());
            }
        }
        byBlock.put(ops, offsets);
    }

    /** The offsets of the operations of {@code block}, a block of this program, in its order. */
    long[] offsets(List<Op> block) {
        long[] o = byBlock.get(block);
        return o != null ? o : NONE;
    }

    /** Bytes of the whole text (at least one operation's). */
    long textBytes() {
        return Math.max(1, byOperation.size()) * (long) BYTES_PER_OPERATION;
    }
}
