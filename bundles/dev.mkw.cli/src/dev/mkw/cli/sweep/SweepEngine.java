package dev.mkw.cli.sweep;

import java.util.List;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;

/**
 * Where the runs of {@code mkw sweep} happen: {@code local} (host threads, built in) or an
 * engine found through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.mkw.cli.sweep.SweepEngine}),
 * such as {@code spark} from the separate {@code dev.mkw.spark} application jar. An engine
 * only decides where points run; each row comes from {@link SweepJob#row(int)} or
 * {@link SweepJob#runner()}, so engines agree byte for byte.
 */
public interface SweepEngine {

    /** The word after {@code --engine}. */
    String id();

    /**
     * Refuse options this engine cannot honour ({@code --jobs} on a cluster, {@code --master}
     * on host threads) and malformed values, before anything is loaded or started.
     */
    void check(Args args) throws CliException;

    /**
     * Run every point of {@code job}: one row per point ({@link SweepJob#table()}), in point
     * order, never fewer. {@code progress} is told as runs finish.
     */
    Result run(SweepJob job, Args args, CliContext ctx, Progress progress) throws CliException;

    /** Told once per finished run, in the order runs finish. */
    interface Progress {
        void done(int finished, int total, String status);
    }

    /**
     * @param rows     one per point, in point order
     * @param notes    lines for the user about other outputs the engine wrote (e.g. a Parquet directory)
     * @param problems what went wrong besides the runs (an output that could not be written, a
     *                 cluster that gave up): printed after the CSV is written; the sweep then exits 1
     */
    record Result(List<List<String>> rows, List<String> notes, List<String> problems) {
        public Result {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }
}
