package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.Contract;
import io.crossover.ingest.Contracts;
import io.crossover.ingest.Field;
import io.crossover.forecast.ForecastTables;
import io.crossover.ingest.Validation;
import io.crossover.lake.ColumnSpec;
import io.crossover.lake.OpsTables;
import io.crossover.lake.TableSpec;
import io.crossover.panel.GoldTables;
import io.crossover.refine.RefineStage;
import io.crossover.refine.SilverTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md and docs/landing.md are generated from the schema code. When a schema changes,
 * this test fails and leaves the new file under jobs/target/generated-docs/ to copy over.
 */
class DocsTest {
  private static final String GENERATED =
      "<!-- Generated from the schema code by DocsTest: change the code, run the tests, then copy"
          + " jobs/target/generated-docs/%s over this file. -->\n\n";

  @Test
  void tablesDocMatchesTheSchemaCode() throws IOException {
    assertDocIsCurrent("tables.md", renderTables());
  }

  @Test
  void everyExitCodeIsExplainedInTheOperationsGuideTheReadmeAndTheHelp() throws IOException {
    String operations = Files.readString(Path.of("../docs/operations.md"), StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    for (io.crossover.errors.ExitCode exit : io.crossover.errors.ExitCode.values()) {
      assertThat(operations).as("docs/operations.md, Exit codes").contains("\n| " + exit.code() + " | ");
      assertThat(readme).as("README.md").containsPattern("\\b" + exit.code() + " [a-z]");
      assertThat(CommandLine.USAGE).as("--help").containsPattern("\\b" + exit.code() + " [a-z]");
    }
  }

  @Test
  void landingDocMatchesTheContracts() throws IOException {
    assertDocIsCurrent("landing.md", renderLanding());
  }

  @Test
  void everyRuleAContractCanReportIsDocumented() {
    for (Contract contract : Contracts.ALL) {
      for (String rule : Validation.ruleNames(contract)) {
        boolean rowRule = contract.rowRules().stream().anyMatch(r -> r.name().equals(rule));
        assertThat(Validation.RULES.containsKey(rule) || rule.startsWith("unknown_") || rowRule)
            .as(rule + " of " + contract.dataset()).isTrue();
      }
    }
  }

  private static void assertDocIsCurrent(String name, String expected) throws IOException {
    Path generated = Path.of("target/generated-docs", name);
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, expected, StandardCharsets.UTF_8);
    String actual = Files.readString(Path.of("../docs", name), StandardCharsets.UTF_8);
    assertThat(actual).as("docs/%s is out of date with the code; copy jobs/target/generated-docs/%s over it", name, name)
        .isEqualTo(expected);
  }

  private static String renderTables() {
    StringBuilder doc = new StringBuilder("# Tables\n\n").append(String.format(GENERATED, "tables.md"));
    doc.append("Every table is a Delta table under `spark.crossover.lake` (default `lakehouse/`). Deletion vectors\n"
        + "and column mapping stay off so any Delta reader (Trino, Athena, DuckDB, delta-kernel, ...) can read\n"
        + "them. Query them by name with `bin/crossover sql`: gold tables by their bare name (`market_panel`),\n"
        + "all tables as `<layer>_<name>` (`silver_usage_events`, `quarantine_fx_rates`, `ops_pipeline_runs`).\n"
        + "Each table carries its description as its Delta comment, each column its meaning as a column comment,\n"
        + "and the table properties `crossover.owner_stage`, `crossover.grain` and `crossover.refresh` (what BI\n"
        + "tools and catalogs show beside the table). The column names and types below are the contract with\n"
        + "readers: a change to them changes this file in the same commit.\n\n");
    section(doc, "Gold", "Rebuilt by `panel` as of the run date; what BI tools and the forecast read.", GoldTables.ALL);
    section(doc, "Forecast", "Written by `forecast`: one set of rows per run date (`as_of`), replaced when that"
        + " run date is forecast again; earlier run dates stay. See docs/forecast.md.", ForecastTables.ALL);
    section(doc, "Silver", "Rebuilt by `refine` from bronze: typed, deduplicated on natural keys.", SilverTables.ALL);
    List<TableSpec> bronze = Contracts.ALL.stream().map(BronzeTables::of).toList();
    section(doc, "Bronze", "Written by `ingest`: the landing rows that passed the contract, one table per landing"
        + " folder, typed as docs/landing.md says, replaced per source file.", bronze);
    List<TableSpec> ops = new ArrayList<>(OpsTables.fixed());
    ops.add(OpsTables.quarantine("<dataset>"));
    section(doc, "Operations and quarantine", "What the pipeline did and what it rejected; `quarantine/<dataset>`"
        + " exists once a row of that dataset has been rejected.", ops);
    return doc.toString();
  }

  private static void section(StringBuilder doc, String title, String intro, List<TableSpec> tables) {
    doc.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
    for (TableSpec table : tables) {
      doc.append("### `").append(table.name()).append("`\n\n").append(table.description()).append(" One row per ")
          .append(table.grain()).append(". Written by ").append(table.owner()).append(", ").append(table.refresh())
          .append(".\n\n| column | type | meaning |\n| --- | --- | --- |\n");
      for (ColumnSpec column : table.columns()) {
        doc.append("| `").append(column.name()).append("` | ").append(column.type().simpleString()).append(" | ")
            .append(column.comment()).append(" |\n");
      }
      doc.append("\n");
    }
  }

  private static String renderLanding() {
    StringBuilder doc = new StringBuilder("# Landing data contracts\n\n").append(String.format(GENERATED, "landing.md"));
    doc.append("Drop files in one folder per dataset under `spark.crossover.landing` (default `data-samples/`).\n"
        + "CSV needs a header row (comma-delimited, UTF-8, optional BOM, quoted fields may hold commas and line\n"
        + "breaks); `usage_events` also takes JSON lines (`.json`, `.jsonl`) and Parquet (`.parquet`). Columns\n"
        + "are matched by their heading, ignoring case and surrounding spaces, so their order does not matter\n"
        + "and extra columns are ignored; empty values are missing values.\n"
        + "A file is ingested once; it is read again only if its size or modification time changes, and then\n"
        + "its rows replace the ones it gave before. A file the store fails to serve (a read that breaks off,\n"
        + "a listing that fails) is not a content problem: the run exits 1 naming the endpoint, the file is not\n"
        + "recorded as ingested, and the next run reads it whole.\n\n"
        + "A frozen landing may declare the date its data are complete up to in `landing.properties` at its\n"
        + "root (`asOf=YYYY-MM-DD`, as `data-samples/` does): without `--run-date`, crossover runs it as of that\n"
        + "date instead of today.\n\n"
        + "A row that breaks a rule goes to `quarantine/<dataset>` with the rule, the column, the file, the line\n"
        + "it starts on and the raw record; nothing is dropped without a trace. When more than\n"
        + "`spark.crossover.quality.maxRejectRatio` of a dataset's new rows are rejected, and at least\n"
        + "`spark.crossover.quality.minRejects` of them (default 10, so two bad rows of eight in a small reference\n"
        + "file do not end a run), none of that batch reaches bronze, the quarantine is still written and the\n"
        + "stage exits 3.\n\n"
        + "## Epoch AI downloads\n\n"
        + "Epoch AI's datasets (epoch.ai/data, CC BY 4.0) are read exactly as downloaded: unzip a download\n"
        + "anywhere under `epoch/` and each file is recognised by its name (the `epoch_*` datasets below list the\n"
        + "pattern). Dates may be ISO (`2025-09-19`), `M/D/YYYY` as the raw export writes them, or a month\n"
        + "(`2021-07`, its first day); numbers may be in scientific notation (`1.57E+11`). A file of the download\n"
        + "no dataset reads is named in the ingest notes and left alone. Epoch publishes each table whole, so\n"
        + "when several downloads of a table have landed, silver uses the newest one alone (the file whose latest\n"
        + "report, release or end date is the latest): a later download renames, merges and closes rows of an\n"
        + "earlier one, and landing both keeps one row per real event. Where a hand-kept row and an Epoch row\n"
        + "describe the same funding round (same company, dates at most 45 days apart), valuation (also the same\n"
        + "kind) or chip (same chip id), the hand-kept row wins.\n\n"
        + "What the real files land as (measured by `EpochLandingTest`):\n\n"
        + "| dataset | files | landed | quarantined |\n| --- | --- | --- | --- |\n");
    EpochSnapshot.DATA_SAMPLES.forEach((dataset, counts) -> doc.append("| `").append(dataset)
        .append("` | data-samples/epoch (newest vintage) | ").append(counts[0]).append(" | ").append(counts[1]).append(" |\n"));
    EpochSnapshot.RAW_EXPORT_2025_12.forEach((dataset, counts) -> doc.append("| `").append(dataset)
        .append("` | AI Companies raw export, December 2025 | ").append(counts[0]).append(" | ").append(counts[1])
        .append(" |\n"));
    doc.append("\nThe one quarantined row is OpenAI's 2025 cloud-compute report, whose report date reads `0202-07-30`"
        + " (`implausible_date`).\n\n");
    doc.append("## Rules\n\n| rule | stage | meaning |\n| --- | --- | --- |\n");
    Validation.RULES.forEach((rule, meaning) -> doc.append("| `").append(rule).append("` | ingest | ").append(meaning).append(" |\n"));
    Contracts.ALL.stream().flatMap(c -> c.rowRules().stream()).forEach(rule -> doc.append("| `").append(rule.name())
        .append("` | ingest | ").append(rule.meaning()).append(". |\n"));
    RefineStage.RULES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(rule ->
        doc.append("| `").append(rule.getKey()).append("` | refine | ").append(rule.getValue()).append(" |\n"));
    doc.append("\n");
    for (Contract contract : Contracts.ALL) {
      doc.append("## `").append(contract.dataset()).append("/`\n\n").append(contract.description());
      if (contract.fileNames() == null) {
        doc.append(" Deduplicated in silver on ").append(contract.naturalKey().stream().map(k -> "`" + k + "`")
            .collect(Collectors.joining(", "))).append(" (the latest ingested row wins).\n\n");
      } else {
        doc.append(" Silver uses the newest download; within it, rows are told apart by ")
            .append(contract.naturalKey().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
            .append(".\n\n");
      }
      doc.append("| column | type | required | rules |\n| --- | --- | --- | --- |\n");
      for (Field field : contract.fields()) {
        String heading = field.header().equals(field.name()) ? "" : " (heading \"" + field.header() + "\")";
        doc.append("| `").append(field.name()).append("`").append(heading).append(" | ")
            .append(field.type().name().toLowerCase().replace('_', ' '))
            .append(" | ").append(field.required() ? "yes" : "no").append(" | ")
            .append(describe(field)).append(" |\n");
      }
      for (var rule : contract.rowRules()) {
        doc.append("| (row) | | | `").append(rule.name()).append("` over ")
            .append(rule.columns().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))).append(" |\n");
      }
      doc.append("\n");
    }
    return doc.toString();
  }

  private static String describe(Field field) {
    List<String> parts = new ArrayList<>();
    for (String rule : Validation.fieldRuleNames(field)) {
      parts.add("`" + rule + "`");
    }
    if (!field.allowed().isEmpty()) {
      parts.add("one of " + field.allowed().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
    }
    if (field.pattern() != null) {
      parts.add("matches `" + field.pattern() + "`");
    }
    if (field.min() != null || field.max() != null) {
      parts.add("range " + (field.min() == null ? "" : field.min()) + ".." + (field.max() == null ? "" : field.max()));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }
}
