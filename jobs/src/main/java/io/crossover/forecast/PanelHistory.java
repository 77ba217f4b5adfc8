package io.crossover.forecast;

import static org.apache.spark.sql.functions.col;

import io.crossover.lake.Lake;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The market panel as the models see it: complete months up to the origin, with any compute. */
final class PanelHistory {
  private PanelHistory() {}

  /**
   * segment, month, training_pflop_days, inference_pflop_days of months up to {@code origin}, from
   * a panel built for {@code runDate} (gold holds the last panel run's date only).
   */
  static Dataset<Row> completeMonths(Lake lake, java.time.LocalDate runDate, int origin, String stage) {
    Dataset<Row> panel = lake.read(GoldTables.MARKET_PANEL, PanelStage.NAME);
    Row asOf = panel.selectExpr("max(as_of)").first();
    if (!asOf.isNullAt(0) && !asOf.getDate(0).toLocalDate().equals(runDate)) {
      throw io.crossover.errors.Errors.inputNotAsOf(stage, GoldTables.MARKET_PANEL.name(),
          asOf.getDate(0).toString(), runDate.toString());
    }
    return panel
        .where(col("month").leq(java.sql.Date.valueOf(Months.start(origin))).and(col("total_pflop_days").gt(0)))
        .select("segment", "month", "training_pflop_days", "inference_pflop_days");
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
    for (int i = 0; i < n; i++) {
      months[i] = Months.index(sorted.get(i).getDate(1).toLocalDate());
      training[i] = sorted.get(i).getDouble(2);
      inference[i] = sorted.get(i).getDouble(3);
    }
    return new History(segment, months, training, inference);
  }
}
