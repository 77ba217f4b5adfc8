package io.crossover.refine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.crossover.ingest.Contracts;
import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.OpsTables;
import io.crossover.lake.RuleOutcome;
import io.crossover.lake.RunContext;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rebuilding silver usage from all of bronze without keeping the refined rows between passes. An
 * event can only be rejected for its chip, so a scan of bronze's chip column tells whether any is;
 * only then are the rejected events computed for quarantine, by refining just the bronze rows of the
 * event ids that ever name an unknown chip (every row of such an id, so the dedupe picks the same
 * winner as over all of bronze). Silver itself is written in one pass, and its row count comes from
 * the commit.
 */
final class FullUsage {
  private FullUsage() {}

  static void refine(RunContext run, StageReport report, Lineage inputs, Dataset<Row> bronze,
      UnaryOperator<Dataset<Row>> refine, Dataset<Row> catalogue, String rule, Column detail) {
    Lake lake = run.lake();
    TableSpec quarantine = OpsTables.quarantine(Contracts.USAGE_EVENTS.dataset());
    String ownRejects = "stage = " + SqlLiterals.string(RefineStage.NAME);
    long rejectedCount = 0;
    if (hasUnknownChips(bronze, catalogue)
        || lake.exists(quarantine) && !lake.read(quarantine, RefineStage.NAME).where(ownRejects).isEmpty()) {
      WriteResult written = lake.replaceWhere(quarantine, RefineStage.quarantineRows(Contracts.USAGE_EVENTS,
          refine.apply(eventsNamingUnknownChips(bronze, catalogue)).where(col("bf16_tflops").isNull()),
          rule, "chip", detail, run.runId()), ownRejects);
      rejectedCount = written.rowsWritten();
      report.table(TableStat.of(written, 0, 0));
    }
    WriteResult written = lake.overwrite(SilverTables.USAGE_EVENTS,
        () -> refine.apply(bronze).where(col("bf16_tflops").isNotNull()), inputs);
    report.table(TableStat.of(written, written.rowsWritten() + rejectedCount, rejectedCount));
    report.rule(new RuleOutcome(RefineStage.NAME, Contracts.USAGE_EVENTS.dataset(), rule, written.rowsWritten(),
        rejectedCount));
  }

  /**
   * Every usage row whose event id names, in any of its rows, a chip the catalogue does not hold
   * (or no chip): the only events a refine can reject, with all their rows.
   */
  static Dataset<Row> eventsNamingUnknownChips(Dataset<Row> usage, Dataset<Row> catalogue) {
    Dataset<Row> ids = rowsWithUnknownChips(usage.select("event_id", "chip"), catalogue).select("event_id").distinct();
    return usage.join(ids, new String[] {"event_id"}, "left_semi");
  }

  /** Whether any usage row names a chip the catalogue does not hold: reads the chip column only. */
  static boolean hasUnknownChips(Dataset<Row> usage, Dataset<Row> catalogue) {
    return !rowsWithUnknownChips(usage.select("chip"), catalogue).isEmpty();
  }

  private static Dataset<Row> rowsWithUnknownChips(Dataset<Row> usage, Dataset<Row> catalogue) {
    return usage.withColumn("chip_id", Keys.chipId(col("chip")))
        .join(broadcast(catalogue.select("chip_id")), new String[] {"chip_id"}, "left_anti");
  }
}
