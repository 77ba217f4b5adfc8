package io.crossover.panel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Usage events to monthly demand per segment and workload class. */
public final class Demand {
  public static final String ALL_SEGMENT = "all";
  /**
   * The silver column each segment setting reads where the names differ: users name a chip
   * segment {@code chip}, as the landing column, while silver keeps the catalogue's {@code chip_id}.
   */
  private static final Map<String, String> SILVER_COLUMN = Map.of("chip", "chip_id");

  private Demand() {}

  /**
   * Events on or before {@code runDate}, summed per month, segment and workload class. Each event
   * counts in segment {@code all} and in {@code <column>=<value>} for each segment column (a
   * missing value reads {@code unknown}).
   */
  public static Dataset<Row> demandMonthly(Dataset<Row> usage, LocalDate runDate, List<String> segmentColumns) {
    List<String> needed = new ArrayList<>(List.of("event_time", "event_month", "workload_class",
        "device_hours", "pflop_days"));
    segmentColumns.forEach(column -> needed.add(silverColumn(column)));
    TableSpec.requireColumns(usage, "demandMonthly", needed.toArray(String[]::new));
    List<Column> segments = new ArrayList<>(List.of(lit(ALL_SEGMENT)));
    for (String column : segmentColumns) {
      segments.add(concat(lit(column + "="), coalesce(col(silverColumn(column)), lit("unknown"))));
    }
    return usage
        .where(col("event_time").cast("date").leq(lit(Date.valueOf(runDate))))
        .withColumn("segment", explode(array(segments.toArray(Column[]::new))))
        .groupBy(col("event_month").as("month"), col("segment"), col("workload_class").as("workload"))
        .agg(count(lit(1)).as("events"), sum("device_hours").as("device_hours"),
            sum("pflop_days").as("pflop_days"))
        .withColumn("as_of", lit(Date.valueOf(runDate)));
  }

  private static String silverColumn(String segmentColumn) {
    return SILVER_COLUMN.getOrDefault(segmentColumn, segmentColumn);
  }
}
