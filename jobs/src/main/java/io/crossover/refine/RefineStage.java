package io.crossover.refine;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;

import io.crossover.config.Settings;
import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.Contract;
import io.crossover.ingest.Contracts;
import io.crossover.ingest.EpochContracts;
import io.crossover.ingest.IngestStage;
import io.crossover.ingest.LandingRecords;
import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.OpsTables;
import io.crossover.lake.RuleOutcome;
import io.crossover.lake.RunContext;
import io.crossover.lake.SideBySide;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze to silver. Every silver table is rebuilt from its bronze in one commit, so re-running
 * gives the same table and a crash leaves the previous one; a table whose inputs have not changed
 * since it was written is left alone. Rows refine cannot use (no FX rate, chip not in the
 * catalogue) replace the stage's earlier rejects in quarantine. Tables that do not read each other
 * are written side by side ({@link SideBySide}).
 */
public final class RefineStage {
  public static final String NAME = "refine";
  public static final String NO_FX_RATE = "no_fx_rate";
  public static final String UNKNOWN_CHIP = "unknown_chip";

  /** What each refine rule means, for docs/landing.md. */
  public static final Map<String, String> RULES = Map.of(
      NO_FX_RATE, "No fx_rates row for the currency on or before the row's date, so it cannot be put in USD."
          + " Land the rate; the next refine picks the row up.",
      UNKNOWN_CHIP, "The usage event's chip is not in silver/accelerators (matched ignoring case, spaces and"
          + " punctuation). Add the chip to the catalogue; the next refine picks the event up.");

  private RefineStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);

    TableSpec fxBronze = BronzeTables.of(Contracts.FX_RATES);
    TableSpec acceleratorsBronze = BronzeTables.of(Contracts.ACCELERATORS);
    SideBySide.parts(report, List.of(
        part -> write(lake, part, SilverTables.FX_RATES, lake.lineage(List.of(fxBronze)),
            () -> Dedupe.latestPerKey(bronze(lake, Contracts.FX_RATES), "date", "currency")),
        part -> write(lake, part, SilverTables.ACCELERATORS,
            lake.lineage(List.of(acceleratorsBronze, BronzeTables.of(EpochContracts.ML_HARDWARE))),
            () -> EpochFacts.acceleratorCatalogue(bronze(lake, Contracts.ACCELERATORS),
                Snapshots.newestDownload(bronze(lake, EpochContracts.ML_HARDWARE), "release_date")))));

    String aliasesFile = run.settings().companyAliases();
    boolean builtIn = aliasesFile.equals(Settings.BUILT_IN);
    Dataset<Row> aliases = lake.readReferenceCsv(builtIn ? "company_aliases.csv" : aliasesFile, builtIn);
    String aliasesDigest = "aliases=" + digest(aliases);
    Dataset<Row> fx = lake.read(SilverTables.FX_RATES, NAME);
    List<Consumer<StageReport>> writes = new java.util.ArrayList<>(List.of(
        part -> refineFunding(run, part, aliases, aliasesDigest, fx),
        part -> refineValuations(run, part, aliases, aliasesDigest, fx),
        part -> write(lake, part, SilverTables.CHIP_SUPPLY, lake.lineage(List.of(BronzeTables.of(Contracts.CHIP_SUPPLY))),
            () -> Dedupe.latestPerKey(Periods.attachPeriodRange(bronze(lake, Contracts.CHIP_SUPPLY))
                .withColumn("chip_id", Keys.chipId(col("chip"))), "period", "vendor", "chip_id", "metric", "estimate_by")),
        part -> refineUsage(run, part)));
    writes.addAll(PublicDataRefine.writes(run, aliases, aliasesDigest));
    SideBySide.parts(report, writes);
    return report;
  }

  /**
   * Usage events: when only new bronze files arrived since silver was last written (the daily case),
   * refines just their rows and replaces only the event months they fall in; otherwise rebuilds.
   */
  private static void refineUsage(RunContext run, StageReport report) {
    Lake lake = run.lake();
    TableSpec bronze = BronzeTables.of(Contracts.USAGE_EVENTS);
    Lineage basis = lake.lineage(List.of(SilverTables.ACCELERATORS),
        "fineTuning=" + run.settings().fineTuningAs(), "evaluation=" + run.settings().evaluationAs());
    Lineage inputs = lake.consuming(basis, bronze);
    if (lake.isCurrent(SilverTables.USAGE_EVENTS, inputs)) {
      report.table(TableStat.of(lake.unchanged(SilverTables.USAGE_EVENTS), 0, 0));
      return;
    }
    java.util.OptionalLong consumed = lake.consumedVersion(SilverTables.USAGE_EVENTS, basis, bronze);
    java.util.Optional<List<String>> added = consumed.isPresent()
        ? lake.filesAddedSince(bronze, consumed.getAsLong()) : java.util.Optional.empty();
    Dataset<Row> landed = added.map(lake::readFiles).orElseGet(() -> bronze(lake, Contracts.USAGE_EVENTS));
    Dataset<Row> catalogue = lake.read(SilverTables.ACCELERATORS, NAME);
    UnaryOperator<Dataset<Row>> refine = rows -> Usage.toPflopDays(Usage.classifyWorkload(
        Usage.latestPerEventWithinMonth(rows), run.settings().fineTuningAs(), run.settings().evaluationAs()), catalogue);
    Column unknownChip = concat(lit("chip '"), col("chip"), lit("' is not in silver/accelerators"));
    if (added.isEmpty()) {
      FullUsage.refine(run, report, inputs, landed, refine, catalogue, UNKNOWN_CHIP, unknownChip);
    } else {
      IncrementalUsage.refine(run, report, inputs, refine.apply(landed), UNKNOWN_CHIP, unknownChip);
    }
  }

  private static void refineFunding(RunContext run, StageReport report, Dataset<Row> aliases, String aliasesDigest,
      Dataset<Row> fx) {
    Lake lake = run.lake();
    refineCompanyFacts(run, report, Contracts.FUNDING_ROUNDS, SilverTables.FUNDING_ROUNDS, "announced_on",
        List.of(BronzeTables.of(Contracts.FUNDING_ROUNDS), BronzeTables.of(EpochContracts.FUNDING_ROUNDS)),
        () -> EpochFacts.curated(bronze(lake, Contracts.FUNDING_ROUNDS)).withColumn("closed", lit(true))
            .unionByName(epochRounds(lake), true),
        List.of("company_id"),
        aliases, aliasesDigest, fx, rows -> rows
            .withColumn("amount_usd", col("amount").multiply(col("usd_per_unit")))
            .withColumn("post_money_valuation_usd", col("post_money_valuation").multiply(col("usd_per_unit")))
            .withColumn("lead_investors", transform(split(col("lead_investors"), ";"), name -> trim(name))));
  }

  private static void refineValuations(RunContext run, StageReport report, Dataset<Row> aliases, String aliasesDigest,
      Dataset<Row> fx) {
    Lake lake = run.lake();
    refineCompanyFacts(run, report, Contracts.VALUATIONS, SilverTables.VALUATIONS, "as_of",
        List.of(BronzeTables.of(Contracts.VALUATIONS), BronzeTables.of(EpochContracts.FUNDING_ROUNDS)),
        () -> EpochFacts.curated(bronze(lake, Contracts.VALUATIONS))
            .unionByName(EpochFacts.roundsAsValuations(epochRounds(lake)), true),
        List.of("company_id", "kind"),
        aliases, aliasesDigest, fx, rows -> rows.withColumn("valuation_usd", col("valuation").multiply(col("usd_per_unit"))));
  }

  private static Dataset<Row> epochRounds(Lake lake) {
    return EpochFacts.roundsAsFundingRounds(
        Snapshots.newestDownload(bronze(lake, EpochContracts.FUNDING_ROUNDS), "report_date"));
  }

  /**
   * Company ids, one row per natural key and origin, a hand-kept row preferred over an Epoch row of
   * the same company (and kind) within {@link Origins#SAME_EVENT_DAYS} days, the USD rate on the
   * row's date, then {@code inUsd}.
   */
  private static void refineCompanyFacts(RunContext run, StageReport report, Contract contract, TableSpec silver,
      String dateColumn, List<TableSpec> bronzeInputs, Supplier<Dataset<Row>> landed, List<String> sameFact,
      Dataset<Row> aliases,
      String aliasesDigest, Dataset<Row> fx, UnaryOperator<Dataset<Row>> inUsd) {
    Lake lake = run.lake();
    List<TableSpec> inputTables = new java.util.ArrayList<>(bronzeInputs);
    inputTables.add(SilverTables.FX_RATES);
    Lineage inputs = lake.lineage(inputTables, aliasesDigest);
    if (lake.isCurrent(silver, inputs)) {
      report.table(TableStat.of(lake.unchanged(silver), 0, 0));
      return;
    }
    List<String> key = new java.util.ArrayList<>(contract.naturalKey());
    key.add("origin");
    key.add("epoch_id");
    Dataset<Row> rows = inUsd.apply(Money.attachUsdRate(Origins.preferCurated(Dedupe.latestPerKey(
            Companies.attachCompanyIds(landed.get(), aliases), key.toArray(String[]::new)), dateColumn, sameFact.toArray(String[]::new)),
        fx, dateColumn));
    splitRejects(run, report, contract, silver, inputs, rows,
        col("usd_per_unit").isNull(), NO_FX_RATE, "currency", noRateDetail(dateColumn));
  }

  private static Column noRateDetail(String dateColumn) {
    return concat(lit("no fx_rates row for "), col("currency"), lit(" on or before "),
        col(dateColumn).cast("string"));
  }

  private static void noteUnmatched(StageReport report, Dataset<Row> rows, String dataset) {
    List<String> unmatched = rows.where(col("company_matched").equalTo(false))
        .select("company").distinct().orderBy("company").as(Encoders.STRING()).collectAsList();
    if (!unmatched.isEmpty()) {
      report.note(dataset + ": " + unmatched.size() + " company names not in the alias table kept a slug id: "
          + String.join(", ", unmatched));
    }
  }

  /** Writes the rows that pass to silver and the ones that do not to quarantine under {@code rule}. */
  private static void splitRejects(RunContext run, StageReport report, Contract contract, TableSpec silver,
      Lineage inputs, Dataset<Row> rows, Column rejected, String rule, String column, Column detail) {
    Dataset<Row> checked = rows.withColumn("_rejected", rejected).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (Arrays.asList(checked.columns()).contains("company_matched")) {
        noteUnmatched(report, checked, contract.dataset());
      }
      Dataset<Row> rejects = checked.where(col("_rejected"));
      long rejectedCount = rejects.count();
      TableSpec quarantine = OpsTables.quarantine(contract.dataset());
      if (rejectedCount > 0 || run.lake().exists(quarantine)) {
        WriteResult written = run.lake().replaceWhere(quarantine,
            quarantineRows(contract, rejects, rule, column, detail, run.runId()), "stage = " + SqlLiterals.string(NAME));
        report.table(TableStat.of(written, 0, 0));
      }
      WriteResult written = run.lake().overwrite(silver, () -> checked.where(col("_rejected").equalTo(false)), inputs);
      report.table(TableStat.of(written, written.rowsWritten() + rejectedCount, rejectedCount));
      report.rule(new RuleOutcome(NAME, contract.dataset(), rule, written.rowsWritten(), rejectedCount));
    } finally {
      checked.unpersist();
    }
  }

  /** Rejected rows as quarantine rows of this stage: the rule, the column, why, the file and line, the raw record. */
  static Dataset<Row> quarantineRows(Contract contract, Dataset<Row> rejects, String rule, String column,
      Column detail, String runId) {
    Column raw = to_json(struct(contract.columnNames().stream().map(c -> col(c)).toArray(Column[]::new)));
    return rejects.select(
        lit(contract.dataset()).as("dataset"), lit(NAME).as("stage"), lit(rule).as("rule"),
        lit(column).as("column"), detail.as("detail"), array(lit(rule)).as("rules"),
        col(LandingRecords.SOURCE_FILE).as("source_file"), col(LandingRecords.LINE).as("line"),
        raw.as("raw_record"), lit(runId).as("run_id"), current_timestamp().as("quarantined_at"));
  }

  static void write(Lake lake, StageReport report, TableSpec table, Lineage inputs,
      Supplier<Dataset<Row>> rows) {
    WriteResult written = lake.overwrite(table, rows, inputs);
    report.table(TableStat.of(written, written.rowsWritten(), 0));
  }

  static Dataset<Row> bronze(Lake lake, Contract contract) {
    TableSpec table = BronzeTables.of(contract);
    return lake.exists(table) ? lake.read(table, IngestStage.NAME) : lake.readOrEmpty(table);
  }

  private static String digest(Dataset<Row> rows) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rows.collectAsList().stream().map(Row::toString).sorted()
          .forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
