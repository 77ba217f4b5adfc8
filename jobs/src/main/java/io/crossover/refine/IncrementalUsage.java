package io.crossover.refine;

import static org.apache.spark.sql.functions.col;

import io.crossover.ingest.Contracts;
import io.crossover.ingest.LandingRecords;
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
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The daily case of refining usage: only rows of newly ingested bronze files. Their rejects join
 * the quarantine beside the earlier ones; their events replace, within the event months they fall
 * in, any silver row with the same event_id; other months' files are not touched. An event id is
 * unique within its month (as in a full refine, {@link Usage#latestPerEventWithinMonth}).
 */
final class IncrementalUsage {
  private IncrementalUsage() {}

  static void refine(RunContext run, StageReport report, Lineage inputs, Dataset<Row> refined, String rule,
      Column detail) {
    Lake lake = run.lake();
    TableSpec silver = SilverTables.USAGE_EVENTS;
    Dataset<Row> checked = refined.withColumn("_rejected", col("bf16_tflops").isNull())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> rejects = checked.where(col("_rejected"));
      long rejectedCount = rejects.count();
      if (rejectedCount > 0) {
        List<String> files = rejects.select(LandingRecords.SOURCE_FILE).distinct().as(Encoders.STRING()).collectAsList();
        report.table(TableStat.of(lake.replaceWhere(OpsTables.quarantine(Contracts.USAGE_EVENTS.dataset()),
            RefineStage.quarantineRows(Contracts.USAGE_EVENTS, rejects, rule, "chip", detail, run.runId()),
            "stage = " + SqlLiterals.string(RefineStage.NAME) + " AND " + SqlLiterals.inStrings("source_file", files)), 0, 0));
      }
      Dataset<Row> accepted = silver.conform(checked.where(col("_rejected").equalTo(false)));
      List<String> months = accepted.select(col("event_month").cast("string")).distinct()
          .as(Encoders.STRING()).collectAsList();
      String touched = months.isEmpty() ? "false"
          : SqlLiterals.inDates("event_month", months.stream().map(java.time.LocalDate::parse).toList());
      Dataset<Row> kept = lake.read(silver, RefineStage.NAME).where(touched)
          .join(accepted.select("event_month", "event_id"), new String[] {"event_month", "event_id"}, "left_anti");
      long fresh = accepted.count();
      WriteResult written = lake.replaceWhere(silver, kept.unionByName(accepted), touched, inputs);
      report.table(TableStat.of(written, fresh + rejectedCount, rejectedCount));
      report.rule(new RuleOutcome(RefineStage.NAME, Contracts.USAGE_EVENTS.dataset(), rule, fresh, rejectedCount));
      report.note("usage_events: refined " + fresh + " new events into " + months.size() + " event months " + months);
    } finally {
      checked.unpersist();
    }
  }
}
