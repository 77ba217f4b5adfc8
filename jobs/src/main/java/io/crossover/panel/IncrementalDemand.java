package io.crossover.panel;

import static org.apache.spark.sql.functions.lit;

import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.refine.RefineStage;
import io.crossover.refine.SilverTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
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

  static Dataset<Row> demandMonthly(Lake lake, Lineage basis, LocalDate runDate, List<String> segments,
      StageReport report) {
    Dataset<Row> usage = lake.read(SilverTables.USAGE_EVENTS, RefineStage.NAME);
    OptionalLong consumed = lake.consumedVersion(GoldTables.DEMAND_MONTHLY, basis, SilverTables.USAGE_EVENTS);
    Optional<LocalDate> previousRunDate = lake.lastLineage(GoldTables.DEMAND_MONTHLY)
        .map(Lineage::runDate).filter(Objects::nonNull).map(LocalDate::parse);
    Optional<Set<String>> months = Optional.empty();
    if (consumed.isPresent() && previousRunDate.isPresent() && !runDate.isBefore(previousRunDate.get())) {
      months = lake.partitionsChangedSince(SilverTables.USAGE_EVENTS, consumed.getAsLong(), "event_month");
    }
    if (months.isEmpty()) {
      return Demand.demandMonthly(usage, runDate, segments);
    }
    Set<String> recompute = new TreeSet<>(months.get());
    for (LocalDate m = previousRunDate.get().withDayOfMonth(1); !m.isAfter(runDate); m = m.plusMonths(1)) {
      recompute.add(m.toString());
    }
    List<LocalDate> inMonths = recompute.stream().map(LocalDate::parse).toList();
    report.note("demand_monthly: summed again " + recompute.size() + " months " + recompute + ", carried over the rest");
    Dataset<Row> carried = lake.read(GoldTables.DEMAND_MONTHLY, PanelStage.NAME)
        .where("NOT " + SqlLiterals.inDates("month", inMonths))
        .withColumn("as_of", lit(Date.valueOf(runDate)));
    return carried.unionByName(
        Demand.demandMonthly(usage.where(SqlLiterals.inDates("event_month", inMonths)), runDate, segments), true);
  }
}
