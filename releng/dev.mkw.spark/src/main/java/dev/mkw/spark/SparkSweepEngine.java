package dev.mkw.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.sweep.SweepEngine;
import dev.mkw.cli.sweep.SweepJob;
import dev.mkw.sim.sweep.SweepOutcome;

import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * {@code mkw sweep --engine spark}: every point of the sweep is one Spark task
 * ({@link PointTask}); rows come back to the driver as tasks finish (progress on stderr), in
 * point order, and are also written as Parquet by Spark's writer. Found by the command line
 * through {@code META-INF/services}; lives only in the application jar, never in the products.
 */
public final class SparkSweepEngine implements SweepEngine {

    @Override public String id() { return "spark"; }

    @Override
    public void check(Args args) throws CliException {
        if (args.has("jobs")) {
            throw new CliException("--jobs is an option of --engine local; on Spark, as many runs go at once as the executors have cores (e.g. --master local[4])");
        }
        String master = args.value("master", null);
        if (master != null) SparkLaunch.checkMaster(master);
        for (String kv : args.values("conf")) {
            if (kv.indexOf('=') <= 0) throw new CliException("--conf takes KEY=VALUE (a Spark setting, e.g. spark.executor.memory=2g), got '" + kv + "'");
        }
        // The command line is good: Spark can start while the driver loads the scenario.
        List<String> files = args.positionals();
        String first = files.isEmpty() ? "" : files.get(0);
        EarlySession.begin(SparkLaunch.of(args, first.substring(first.lastIndexOf('/') + 1)));
    }

    @Override
    public Result run(SweepJob job, Args args, CliContext ctx, Progress progress) throws CliException {
        Phases.mark("scenario loaded and checked");
        ScenarioSources sources = ScenarioSources.collect(job.scenarioFile());
        Phases.mark("sources collected");
        SparkLaunch launch = SparkLaunch.of(args, job.scenarioFile().getFileName().toString());
        String parquet = parquetPath(args, ctx);
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SparkSession early = EarlySession.take(launch);
        SparkSession spark = early != null ? early : launch.start();
        Phases.mark("session up");
        try {
            SparkContext sc = spark.sparkContext();
            sc.setJobDescription("mkw sweep " + job.scenarioFile().getFileName() + " (" + job.sweep().size() + " runs)");
            // Spark SQL's first query takes seconds whatever its size: made while the runs go on.
            CompletableFuture<Void> writerReady = parquet != null && launch.local() ? ParquetOutput.warmUp(spark, job.table()) : CompletableFuture.completedFuture(null);
            PointTask task = new PointTask(sources, job.varySpecs(), job.metricNames());
            if (launch.local()) task.shareLocally(job);
            List<List<String>> rows;
            try {
                rows = runPoints(sc, job, task, progress, problems);
            } finally {
                task.unshare();
            }
            if (parquet != null) {
                try {
                    writerReady.join();
                    Phases.mark("parquet writer ready");
                    ParquetOutput.write(spark, job.table(), rows, parquet);
                    Phases.mark("parquet written");
                    notes.add("wrote Parquet to " + parquet + (launch.local() || hasScheme(parquet) ? ""
                            : " (written by an executor: on a cluster give --parquet a shared path, e.g. hdfs://... or an NFS directory)"));
                } catch (RuntimeException e) {
                    problems.add("cannot write Parquet to " + parquet + ": " + SparkLaunch.firstLine(e));
                }
            }
            return new Result(rows, notes, problems);
        } finally {
            spark.stop();
            Phases.mark("session stopped");
        }
    }

    /**
     * Run every point as its own task and collect the rows in point order. A point whose task
     * Spark gave up on (its executors lost more often than {@code spark.task.maxFailures}
     * allows) still gets a row: "failed", saying so. Package-private so a test can wrap the task.
     */
    static List<List<String>> runPoints(SparkContext sc, SweepJob job, Function2<TaskContext, Iterator<Integer>, String[]> task,
            Progress progress, List<String> problems) {
        int n = job.sweep().size();
        int status = job.table().statusColumn();
        List<Integer> indices = IntStream.range(0, n).boxed().toList();
        var rdd = JavaSparkContext.fromSparkContext(sc).parallelize(indices, n).rdd();
        String[][] rows = new String[n][];
        int[] finished = {0};
        // Called on the driver once per point, as its task succeeds (Spark's JobWaiter serializes the calls).
        Function2<Object, String[], BoxedUnit> collect = (partition, row) -> {
            rows[(Integer) partition] = row;
            if (finished[0] == 0 || finished[0] == n - 1) Phases.mark(finished[0] == 0 ? "first run" : "last run");
            progress.done(++finished[0], n, row[status]);
            return BoxedUnit.UNIT;
        };
        try {
            sc.runJob(rdd, task, collect, ClassTag$.MODULE$.apply(String[].class));
        } catch (Exception e) {
            problems.add("Spark gave up on the sweep after " + finished[0] + " of " + n + " runs: " + SparkLaunch.firstLine(e));
        }
        List<List<String>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (rows[i] != null) {
                result.add(List.of(rows[i]));
            } else {
                String why = "not run: Spark gave up on this point's task (see the message after the table)";
                result.add(job.table().row(new SweepOutcome(job.sweep().point(i), null, why)));
            }
        }
        return result;
    }

    /** --parquet PATH; else beside --out (r.csv → r.parquet); else none. A local path is made absolute. */
    static String parquetPath(Args args, CliContext ctx) {
        String p = args.value("parquet", null);
        if (p == null) {
            String out = args.value("out", null);
            if (out == null) return null;
            p = (out.endsWith(".csv") ? out.substring(0, out.length() - 4) : out) + ".parquet";
        }
        return hasScheme(p) ? p : ctx.resolve(p).toString();
    }

    private static boolean hasScheme(String path) {
        return path.matches("[A-Za-z][A-Za-z0-9+.-]*:.*");
    }
}
