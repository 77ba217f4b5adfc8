package io.crossover.lake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Writes ops/pipeline_runs and ops/quality_metrics for each stage run. */
public final class RunLog {
  private RunLog() {}

  public static void record(RunContext run, StageReport report, Instant started, String status, String error) {
    Lake lake = run.lake();
    List<Row> tables = report.tables().stream().map(TableStat::toRow).toList();
    Row runRow = RowFactory.create(run.runId(), run.command(), report.stage(), Date.valueOf(run.runDate()),
        Timestamp.from(started), Timestamp.from(Instant.now()), status, error,
        report.rowsRead(), report.rowsQuarantined(), report.rowsWritten(),
        tables);
    lake.append(OpsTables.PIPELINE_RUNS,
        lake.spark().createDataFrame(List.of(runRow), OpsTables.PIPELINE_RUNS.schema()));
    if (report.rules().isEmpty()) {
      return;
    }
    List<Row> metrics = new ArrayList<>();
    for (RuleOutcome rule : report.rules()) {
      long checked = rule.passed() + rule.failed();
      metrics.add(RowFactory.create(run.runId(), Date.valueOf(run.runDate()), rule.stage(), rule.dataset(),
          rule.rule(), rule.passed(), rule.failed(), checked == 0 ? 0.0 : (double) rule.failed() / checked));
    }
    lake.append(OpsTables.QUALITY_METRICS,
        lake.spark().createDataFrame(metrics, OpsTables.QUALITY_METRICS.schema()));
  }
}
