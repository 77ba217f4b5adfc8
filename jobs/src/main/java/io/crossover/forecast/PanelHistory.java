package io.crossover.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.Lake;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The market panel as the models see it: complete months up to the origin, with any compute. */
final class PanelHistory {
  /** Position of the first driver column in {@link #completeMonths} rows, one column per {@link Driver}. */
  private static final int DRIVER_COLUMN = 4;

  private PanelHistory() {}

  /**
   * segment, month, training_pflop_days, inference_pflop_days, then the raw drivers (capital: trailing
   * 12-month capital raised in USD; capacity: inference-designed share of installed PFLOP/s, empty
   * before any capacity is known) of months up to {@code origin}, from
   * a panel built for {@code runDate} (gold holds the last panel run's date only).
   */
  static Dataset<Row> completeMonths(Lake lake, java.time.LocalDate runDate, int origin, String stage) {
    Dataset<Row> panel = lake.read(GoldTables.MARKET_PANEL, PanelStage.NAME);
    Row asOf = panel.selectExpr("max(as_of)").first();
    if (!asOf.isNullAt(0) && !asOf.getDate(0).toLocalDate().equals(runDate)) {
      throw io.crossover.errors.Errors.inputNotAsOf(stage, GoldTables.MARKET_PANEL.name(),
          asOf.getDate(0).toString(), runDate.toString());
    }
    Column installed = col("installed_pflops_training").plus(col("installed_pflops_inference"))
        .plus(col("installed_pflops_both"));
    return panel
        .where(col("month").leq(java.sql.Date.valueOf(Months.start(origin))).and(col("total_pflop_days").gt(0)))
        .select(col("segment"), col("month"), col("training_pflop_days"), col("inference_pflop_days"),
            col("capital_raised_ttm_usd").as(Driver.CAPITAL.label()),
            when(installed.gt(0), col("installed_pflops_inference").divide(installed)).as(Driver.CAPACITY.label()));
  }

  /** One segment's rows (any order) as a History, oldest month first. */
  static History of(String segment, Iterator<Row> rows) {
    List<Row> sorted = new ArrayList<>();
    rows.forEachRemaining(sorted::add);
    sorted.sort(Comparator.comparing(r -> r.getDate(1)));
    int n = sorted.size();
    int[] months = new int[n];
    double[] training = new double[n];
    double[] inference = new double[n];
    double[][] drivers = new double[Driver.values().length][n];
    for (int i = 0; i < n; i++) {
      Row row = sorted.get(i);
      months[i] = Months.index(row.getDate(1).toLocalDate());
      training[i] = row.getDouble(2);
      inference[i] = row.getDouble(3);
      for (Driver driver : Driver.values()) {
        int column = DRIVER_COLUMN + driver.ordinal();
        drivers[driver.ordinal()][i] = row.isNullAt(column) ? Double.NaN : row.getDouble(column);
      }
    }
    return new History(segment, months, training, inference, drivers);
  }
}
