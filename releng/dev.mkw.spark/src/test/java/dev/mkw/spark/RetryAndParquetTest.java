package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.cli.sweep.SweepJob;
import dev.mkw.dsl.ScenarioLoader;

import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What a lost executor does to a sweep: Spark runs its tasks again, and the deterministic runs
 * give the same rows (here the first attempt of every other point dies, in local mode with
 * retries, {@code local[2,3]}). The rows' Parquet answers Spark SQL like the README's example.
 */
class RetryAndParquetTest {

    /** The sweep's own task, but the first attempt of each even point dies as if its executor were killed. */
    static final class FirstAttemptDies extends AbstractFunction2<TaskContext, Iterator<Integer>, String[]> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PointTask task;

        FirstAttemptDies(PointTask task) { this.task = task; }

        @Override
        public String[] apply(TaskContext context, Iterator<Integer> points) {
            int partition = context.partitionId();
            if (partition % 2 == 0 && context.attemptNumber() == 0) throw new IllegalStateException("executor lost (simulated)");
            return task.apply(context, points);
        }
    }

    @Test
    void retriedTasksGiveTheSameRowsAndTheParquetAnswersSql(@TempDir Path dir) throws Exception {
        Path file = Cli.example("ping-pong.mkw");
        SweepJob job = SweepJob.of(file, ScenarioLoader.standalone().load(file).scenario(),
                List.of("kernel.scheduling=eager,lazy", "kernel.fastpath=on,off"), List.of());
        List<List<String>> local = new ArrayList<>();
        for (int i = 0; i < job.sweep().size(); i++) local.add(job.row(i));

        SparkSession spark = SparkSession.builder().config(new SparkConf().setMaster("local[2,3]").setAppName("retry test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")).getOrCreate();
        try {
            List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
            List<String> problems = new ArrayList<>();
            PointTask task = new PointTask(ScenarioSources.collect(file), job.varySpecs(), job.metricNames());
            List<List<String>> rows = SparkSweepEngine.runPoints(spark.sparkContext(), job, new FirstAttemptDies(task),
                    (done, total, status) -> progress.add(done), problems);
            assertEquals(List.of(), problems);
            assertEquals(local, rows);
            assertEquals(List.of(1, 2, 3, 4), progress, "each point reported once, retried or not");

            String parquet = dir.resolve("sweep.parquet").toString();
            ParquetOutput.write(spark, job.table(), rows, parquet);
            spark.read().parquet(parquet).createOrReplaceTempView("sweep");
            List<Row> means = spark.sql("SELECT `kernel.scheduling`, `kernel.fastpath`, avg(ipc_avg_cycles) AS mean_ipc, count(*) AS runs "
                    + "FROM sweep WHERE status = 'ok' GROUP BY 1, 2 ORDER BY 1, 2").collectAsList();
            assertEquals(4, means.size());
            Map<String, Double> expected = new HashMap<>();
            int ipc = job.table().header().indexOf("ipc_avg_cycles");
            for (List<String> r : rows) expected.put(r.get(1) + "/" + r.get(2), Double.parseDouble(r.get(ipc)));
            for (Row m : means) {
                assertEquals(expected.get(m.getString(0) + "/" + m.getString(1)), m.getDouble(2), 1e-9, m.toString());
                assertEquals(1L, m.getLong(3));
            }
            Row first = spark.sql("SELECT point, cycles, error FROM sweep ORDER BY point").first();
            assertEquals(0L, first.getLong(0));
            assertEquals(Long.parseLong(rows.get(0).get(job.table().header().indexOf("cycles"))), first.getLong(1));
            assertTrue(first.getString(2).isEmpty());
        } finally {
            spark.stop();
        }
    }
}
