package io.crossover.ingest;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.Errors;
import io.crossover.lake.Lake;
import io.crossover.lake.LandingFile;
import io.crossover.lake.OpsTables;
import io.crossover.lake.RuleOutcome;
import io.crossover.lake.RunContext;
import io.crossover.lake.SideBySide;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Landing files to bronze. Only files not yet ingested (or changed since) are read. Each dataset's
 * bronze and quarantine rows are replaced by source file, so re-running after a crash rewrites the
 * same rows instead of adding them twice. A dataset whose rejects exceed the configured ratio
 * writes its quarantine but no bronze rows, and the stage exits 3. Datasets are ingested side by
 * side ({@link SideBySide}).
 */
public final class IngestStage {
  public static final String NAME = "ingest";

  private IngestStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    if (!lake.landing().exists()) {
      throw Errors.missingLanding(io.crossover.config.Settings.LANDING.key(), lake.landing().path(""));
    }
    StageReport report = new StageReport(NAME);
    Map<String, Row> ingested = new HashMap<>();
    for (Row row : lake.readOrEmpty(OpsTables.INGESTED_FILES).collectAsList()) {
      ingested.put(row.getAs("source_file"), row);
    }
    List<Callable<Ingested>> datasets = new ArrayList<>();
    for (Contract contract : Contracts.ALL) {
      List<LandingFile> pending = lake.landing().list(contract.folder()).stream()
          .filter(file -> contract.holds(file.name()))
          .filter(file -> isNew(file, ingested.get(file.path()))).toList();
      if (!pending.isEmpty()) {
        datasets.add(() -> ingest(run, contract, pending));
      }
    }
    List<Row> ledger = new ArrayList<>();
    CrossoverException overRatio = null;
    for (Ingested dataset : SideBySide.run(datasets)) {
      report.add(dataset.report());
      ledger.addAll(dataset.ledger());
      overRatio = overRatio != null ? overRatio : dataset.overRatio();
    }
    noteFilesNoContractHolds(lake, report);
    if (!ledger.isEmpty()) {
      WriteResult written = lake.replaceWhere(OpsTables.INGESTED_FILES,
          lake.spark().createDataFrame(ledger, OpsTables.INGESTED_FILES.schema()),
          SqlLiterals.inStrings("source_file", ledger.stream().map(r -> r.getString(1)).toList()));
      report.table(TableStat.of(written, 0, 0));
    }
    if (overRatio != null) {
      throw overRatio;
    }
    return report;
  }

  /**
   * What ingesting one dataset did: its part of the stage report, its rows for ops/ingested_files,
   * and the error when its rejects passed the gate (its bronze then unwritten), else null.
   */
  private record Ingested(StageReport report, List<Row> ledger, CrossoverException overRatio) {}

  /**
   * Checks the files' records without keeping them: one pass counts them per file and rule, one
   * writes the rejected rows of the files that have any (when there are any, or were), one the
   * accepted rows to bronze.
   */
  private static Ingested ingest(RunContext run, Contract contract, List<LandingFile> files) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    List<Row> ledger = new ArrayList<>();
    Dataset<Row> checked = Validation.checkRules(contract, LandingReader.read(lake.spark(), contract, files));
    Map<String, long[]> perFile = new HashMap<>();
    Map<String, Long> failures = new HashMap<>();
    for (Row counts : Validation.countsPerFile(contract, checked).collectAsList()) {
      perFile.put(counts.getAs(LandingRecords.SOURCE_FILE), new long[] {counts.getAs("rows"), counts.getAs("rejected")});
      for (String rule : Validation.ruleNames(contract)) {
        failures.merge(rule, counts.<Long>getAs(rule), Long::sum);
      }
    }
    long total = perFile.values().stream().mapToLong(c -> c[0]).sum();
    long rejected = perFile.values().stream().mapToLong(c -> c[1]).sum();
    List<String> paths = files.stream().map(LandingFile::path).toList();

    TableSpec quarantineTable = OpsTables.quarantine(contract.dataset());
    if (rejected > 0 || lake.exists(quarantineTable)) {
      WriteResult quarantine = lake.replaceWhere(quarantineTable,
          Validation.rejectedRows(contract, filesWithRejects(run, contract, files, perFile, checked))
              .withColumn("stage", lit(NAME))
              .withColumn("run_id", lit(run.runId()))
              .withColumn("quarantined_at", current_timestamp()),
          "stage = " + SqlLiterals.string(NAME) + " AND " + SqlLiterals.inStrings("source_file", paths));
      report.table(TableStat.of(quarantine, 0, 0));
    }
    for (String rule : Validation.ruleNames(contract)) {
      long failed = failures.getOrDefault(rule, 0L);
      report.rule(new RuleOutcome(NAME, contract.dataset(), rule, total - failed, failed));
    }

    if (isAboveGate(rejected, total, run.settings().maxRejectRatio(), run.settings().minRejects())) {
      report.table(new TableStat("bronze/" + contract.dataset(), total, rejected, 0, -1, false));
      return new Ingested(report, ledger, Errors.rejectsAboveRatio(contract.dataset(), rejected, total,
          run.settings().maxRejectRatio(), run.settings().minRejects()));
    }
    WriteResult bronze = lake.replaceWhere(BronzeTables.of(contract),
        Validation.acceptedRows(contract, checked)
            .withColumn(BronzeTables.INGESTED_AT, current_timestamp())
            .withColumn(BronzeTables.RUN_ID, lit(run.runId())),
        SqlLiterals.inStrings("_source_file", paths));
    report.table(TableStat.of(bronze, total, rejected));
    for (LandingFile file : files) {
      long[] counts = perFile.getOrDefault(file.path(), new long[2]);
      ledger.add(RowFactory.create(contract.dataset(), file.path(), file.size(), file.modifiedAt(),
          counts[0] - counts[1], counts[1], run.runId()));
    }
    return new Ingested(report, ledger, null);
  }

  /**
   * The checked records of only the files that hold a rejected one, so writing the quarantine reads
   * those files again rather than the whole batch; none when no file does (the write then clears the
   * batch's earlier rejects). A Parquet line is its row index within its own file, so it is the same
   * whichever files are read together.
   */
  private static Dataset<Row> filesWithRejects(RunContext run, Contract contract, List<LandingFile> files,
      Map<String, long[]> perFile, Dataset<Row> checked) {
    List<LandingFile> withRejects = files.stream()
        .filter(file -> perFile.getOrDefault(file.path(), new long[2])[1] > 0).toList();
    return withRejects.isEmpty() ? checked.limit(0)
        : Validation.checkRules(contract, LandingReader.read(run.lake().spark(), contract, withRejects));
  }

  /**
   * Names the files of a shared folder (epoch/) that no dataset reads, such as the tables of an Epoch
   * download crossover does not use, so a renamed file is noticed rather than silently skipped.
   */
  private static void noteFilesNoContractHolds(Lake lake, StageReport report) {
    for (String folder : Contracts.ALL.stream().filter(c -> !c.folder().equals(c.dataset())).map(Contract::folder)
        .distinct().toList()) {
      List<String> unread = lake.landing().list(folder).stream().map(LandingFile::name)
          .filter(name -> Contracts.ALL.stream().noneMatch(c -> c.folder().equals(folder) && c.holds(name)))
          .distinct().sorted().toList();
      if (!unread.isEmpty()) {
        report.note(folder + "/: " + unread.size() + " file(s) no dataset reads, left alone: " + String.join(", ", unread));
      }
    }
  }

  /**
   * Whether a batch's rejects end the stage: past the ratio, and at least {@code minRejects} of them,
   * so a small reference file with two bad rows is quarantined without failing the run.
   */
  public static boolean isAboveGate(long rejected, long total, double maxRatio, int minRejects) {
    return total > 0 && rejected >= minRejects && (double) rejected / total > maxRatio;
  }

  private static boolean isNew(LandingFile file, Row ledgerRow) {
    return ledgerRow == null
        || !Objects.equals(ledgerRow.getAs("size_bytes"), file.size())
        || !Objects.equals(ledgerRow.getAs("modified_at"), file.modifiedAt());
  }
}
