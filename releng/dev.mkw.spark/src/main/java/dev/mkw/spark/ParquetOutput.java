package dev.mkw.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import dev.mkw.sim.sweep.Metric;
import dev.mkw.sim.sweep.SweepTable;

/**
 * A sweep's rows as Parquet, written by Spark's own writer: the CSV's columns, in its order,
 * typed by what they hold (counts as long, decimals as double, the rest as string; an empty
 * metric cell, a run that failed, is null). The CSV stays the byte-for-byte record.
 */
final class ParquetOutput {
    private ParquetOutput() {}

    static StructType schema(SweepTable table) {
        List<StructField> fields = new ArrayList<>();
        for (SweepTable.Column c : table.columns()) fields.add(new StructField(c.name(), type(c.kind()), true, Metadata.empty()));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** Write {@code rows} to {@code path} (a directory; replaced if it exists), as one file. */
    static void write(SparkSession spark, SweepTable table, List<List<String>> rows, String path) {
        List<SweepTable.Column> columns = table.columns();
        List<Row> typed = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length; i++) cells[i] = value(columns.get(i).kind(), r.get(i));
            typed.add(RowFactory.create(cells));
        }
        spark.createDataFrame(typed, schema(table)).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * Prepare Spark SQL and the Parquet writer while the runs go on: the first query of a Spark
     * session spends seconds loading and initialising its analyser, planner, code generator and
     * the Hadoop and Parquet writer classes, the same for one row as for many. Writing one empty
     * row of the sweep's schema to a temporary directory (then removed) pays that on a thread of
     * its own, so {@link #write} afterwards finds it done. Local mode only: on a cluster the
     * executor's temporary directory is not the driver's to remove.
     *
     * @return done when the warm-up has ended; it never fails (the real write reports problems)
     */
    static CompletableFuture<Void> warmUp(SparkSession spark, SweepTable table) {
        return CompletableFuture.runAsync(() -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("mkw-parquet-warmup");
                spark.sparkContext().setJobDescription("mkw: preparing the Parquet writer");
                Object[] empty = new Object[table.columns().size()];
                spark.createDataFrame(List.of(RowFactory.create(empty)), schema(table)).coalesce(1).write().mode(SaveMode.Overwrite)
                        .parquet(dir.resolve("warm-up.parquet").toString());
            } catch (Exception e) {
                // Only a head start: the sweep's own write will meet (and report) whatever went wrong here.
            } finally {
                deleteQuietly(dir);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "mkw-parquet-warm-up");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // A few bytes left in the temporary directory; the sweep goes on.
        }
    }

    private static DataType type(Metric.Kind kind) {
        return switch (kind) {
            case COUNT -> DataTypes.LongType;
            case DECIMAL -> DataTypes.DoubleType;
            case TEXT -> DataTypes.StringType;
        };
    }

    private static Object value(Metric.Kind kind, String cell) {
        if (kind == Metric.Kind.TEXT) return cell;
        if (cell == null || cell.isEmpty()) return null;
        return kind == Metric.Kind.COUNT ? (Object) Long.parseLong(cell) : (Object) Double.parseDouble(cell);
    }
}
