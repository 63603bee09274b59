package dev.mkw.spark;

import java.util.ArrayList;
import java.util.List;

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
