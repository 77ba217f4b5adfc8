package io.crossover.lake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Writes ops/pipeline_runs and ops/quality_metrics once per command: a row per stage it ran, and the
 * stages' rule outcomes, in one commit to each table (written side by side).
 */
public final class RunLog {
  private RunLog() {}

  /** One stage's run: what it did, when, and how it ended ({@code succeeded}, {@code rejected}, {@code failed}). */
  public record StageRun(StageReport report, Instant started, Instant finished, String status, String error) {}

  public static void record(RunContext run, List<StageRun> stages) {
    if (stages.isEmpty()) {
      return;
    }
    Lake lake = run.lake();
    List<Row> runs = new ArrayList<>();
    List<Row> metrics = new ArrayList<>();
    for (StageRun stage : stages) {
      StageReport report = stage.report();
      runs.add(RowFactory.create(run.runId(), run.command(), report.stage(), Date.valueOf(run.runDate()),
          Timestamp.from(stage.started()), Timestamp.from(stage.finished()), stage.status(), stage.error(),
          report.rowsRead(), report.rowsQuarantined(), report.rowsWritten(),
          report.tables().stream().map(TableStat::toRow).toList()));
      for (RuleOutcome rule : report.rules()) {
        long checked = rule.passed() + rule.failed();
        metrics.add(RowFactory.create(run.runId(), Date.valueOf(run.runDate()), rule.stage(), rule.dataset(),
            rule.rule(), rule.passed(), rule.failed(), checked == 0 ? 0.0 : (double) rule.failed() / checked));
      }
    }
    List<Callable<WriteResult>> writes = new ArrayList<>();
    writes.add(() -> lake.append(OpsTables.PIPELINE_RUNS,
        lake.spark().createDataFrame(runs, OpsTables.PIPELINE_RUNS.schema())));
    if (!metrics.isEmpty()) {
      writes.add(() -> lake.append(OpsTables.QUALITY_METRICS,
          lake.spark().createDataFrame(metrics, OpsTables.QUALITY_METRICS.schema())));
    }
    SideBySide.run(writes);
  }
}
