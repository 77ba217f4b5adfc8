package io.crossover.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crossover.lake.Lake;
import io.crossover.lake.StageReport;
import io.crossover.refine.RefineStage;
import io.crossover.refine.SilverTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/demand_monthly without re-reading all of silver: when the last demand table was built with
 * the same segments for an earlier or equal run date, only the event months whose silver files
 * changed since, and the months the run date moved through, are summed again; the other months'
 * rows are carried over. Anything else (new build, other segments, a backfill) sums everything.
 */
final class IncrementalDemand {
  private IncrementalDemand() {}

  static Dataset<Row> demandMonthly(Lake lake, String basis, LocalDate runDate, List<String> segments,
      StageReport report) {
    Dataset<Row> usage = lake.read(SilverTables.USAGE_EVENTS, RefineStage.NAME);
    String[] previousRunDate = {null};
    OptionalLong consumed = lake.exists(GoldTables.DEMAND_MONTHLY)
        ? lake.consumedVersion(GoldTables.DEMAND_MONTHLY, basis, SilverTables.USAGE_EVENTS,
            extra -> previousRunDate[0] = extra.startsWith("runDate=") ? extra.substring(8) : null)
        : OptionalLong.empty();
    Optional<Set<String>> months = Optional.empty();
    if (consumed.isPresent() && previousRunDate[0] != null && !runDate.isBefore(LocalDate.parse(previousRunDate[0]))) {
      months = lake.partitionsChangedSince(SilverTables.USAGE_EVENTS, consumed.getAsLong(), "event_month");
    }
    if (months.isEmpty()) {
      return Demand.demandMonthly(usage, runDate, segments);
    }
    Set<String> recompute = new TreeSet<>(months.get());
    for (LocalDate m = LocalDate.parse(previousRunDate[0]).withDayOfMonth(1); !m.isAfter(runDate); m = m.plusMonths(1)) {
      recompute.add(m.toString());
    }
    String inMonths = recompute.stream().map(m -> "DATE'" + m + "'").collect(Collectors.joining(", "));
    report.note("demand_monthly: summed again " + recompute.size() + " months " + recompute + ", carried over the rest");
    Dataset<Row> carried = lake.read(GoldTables.DEMAND_MONTHLY, PanelStage.NAME)
        .where("NOT month IN (" + inMonths + ")")
        .withColumn("as_of", lit(Date.valueOf(runDate)));
    return carried.unionByName(
        Demand.demandMonthly(usage.where("event_month IN (" + inMonths + ")"), runDate, segments), true);
  }
}
