package dev.mkw.spark;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./mkw spark sql "QUERY"}: one Spark SQL query in local mode, its result printed as a
 * table, so a sweep's Parquet can be queried ({@code FROM parquet.`r.parquet`}) on a machine
 * without a Spark installation. With one, Spark's own {@code spark-sql} runs the same query.
 */
public final class SqlQuery {
    private SqlQuery() {}

    /** Rows printed at most; a sweep's summary is far smaller. */
    private static final int MAX_ROWS = 10_000;

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.size() != 1 || args.get(0).isBlank() || args.get(0).equals("--help")) {
            System.err.println("Usage: mkw spark sql \"SELECT ... FROM parquet.`results.parquet` ...\"   (one query, in Spark's local mode)");
            return args.size() == 1 && args.get(0).equals("--help") ? 0 : 2;
        }
        SparkSession spark = SparkSession.builder().config(new SparkConf().setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.app.name", "mkw spark sql").setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")).getOrCreate();
        try {
            Dataset<Row> result = spark.sql(args.get(0));
            result.show(MAX_ROWS, false);
            return 0;
        } catch (Exception e) {
            // Bad SQL, a path that is not there: Spark's analysis errors say which, on their first line.
            System.err.println("mkw spark sql: " + SparkLaunch.firstLine(e));
            return 2;
        } finally {
            spark.stop();
        }
    }
}
