package io.crossover.lake;

import java.util.ArrayList;
import java.util.List;

/** What one stage run did, for ops/pipeline_runs, ops/quality_metrics and the printed summary. */
public final class StageReport {
  private final String stage;
  private final List<TableStat> tables = new ArrayList<>();
  private final List<RuleOutcome> rules = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public StageReport(String stage) {
    this.stage = stage;
  }

  public String stage() { return stage; }
  public List<TableStat> tables() { return tables; }
  public List<RuleOutcome> rules() { return rules; }
  public List<String> notes() { return notes; }

  public void table(TableStat stat) { tables.add(stat); }
  public void rule(RuleOutcome outcome) { rules.add(outcome); }
  /** A line the summary prints under the stage, e.g. unmatched company names. */
  public void note(String line) { notes.add(line); }

  /** Adds what {@code part}, a piece of this stage run on its own, did. */
  public void add(StageReport part) {
    tables.addAll(part.tables);
    rules.addAll(part.rules);
    notes.addAll(part.notes);
  }

  public long rowsRead() { return tables.stream().mapToLong(TableStat::rowsRead).sum(); }
  public long rowsQuarantined() { return tables.stream().mapToLong(TableStat::rowsQuarantined).sum(); }
  public long rowsWritten() { return tables.stream().mapToLong(TableStat::rowsWritten).sum(); }
}
