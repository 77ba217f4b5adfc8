package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Epoch AI's real files landed as a user downloads them: the newest vintages shipped in
 * data-samples/epoch, then the December 2025 raw export of AI Companies dropped beside them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpochLandingTest {
  private static final Path RAW_EXPORT = Path.of("src/test/resources/epoch/ai_companies_2025-12");
  private static final String RUN_DATE = "2026-11-26";
  private static final String NOT_THE_RAW_EXPORT = "^(?!.*ai_companies_2025-12/).*$";

  private final SparkSession spark = SparkTestSession.get();
  private Path landing;
  private Path lake;
  private Lakes.Outcome newestOnly;
  private Map<String, List<String>> silverWithNewestOnly;
  private Lakes.Outcome bothVintages;

  @BeforeAll
  void landTheNewestVintagesThenTheOlderRawExport() throws IOException {
    landing = Files.createTempDirectory("crossover-epoch-landing");
    lake = Files.createTempDirectory("crossover-epoch-lake");
    Lakes.copyFolder(Path.of("../data-samples/epoch"), landing.resolve("epoch"));
    Lakes.copyFolder(Path.of("../data-samples/share_evidence"), landing.resolve("share_evidence"));
    Files.writeString(landing.resolve("epoch/chip_sales_2026-08/chip_types.csv"), "Name,Designer\nB200,Nvidia\n");
    newestOnly = Lakes.run(landing, lake, Map.of(), "run", "--run-date", RUN_DATE);
    silverWithNewestOnly = silver();
    Lakes.copyFolder(RAW_EXPORT, landing.resolve("epoch/ai_companies_2025-12"));
    bothVintages = Lakes.run(landing, lake, Map.of(), "ingest", "--run-date", RUN_DATE);
    Lakes.run(landing, lake, Map.of(), "refine", "--run-date", RUN_DATE);
  }

  @Test
  void everyEpochFileInDataSamplesLandsWithTheCountsTheDocsState() {
    assertThat(newestOnly.exitCode()).as(newestOnly.printed()).isZero();
    EpochSnapshot.DATA_SAMPLES.forEach((dataset, counts) -> {
      assertThat(landed(dataset, NOT_THE_RAW_EXPORT)).as(dataset + " landed").isEqualTo(counts[0]);
      assertThat(quarantined(dataset, NOT_THE_RAW_EXPORT)).as(dataset + " quarantined").isEqualTo(counts[1]);
    });
  }

  @Test
  void theDecember2025RawExportLandsAndItsTypoedReportDateIsQuarantinedWithFileAndLine() {
    assertThat(bothVintages.exitCode()).as(bothVintages.printed()).isZero();
    EpochSnapshot.RAW_EXPORT_2025_12.forEach((dataset, counts) -> {
      assertThat(landed(dataset, "ai_companies_2025-12/")).as(dataset + " landed").isEqualTo(counts[0]);
      assertThat(quarantined(dataset, "ai_companies_2025-12/")).as(dataset + " quarantined").isEqualTo(counts[1]);
    });
    Row typo = table("quarantine/epoch_compute_spend").first();
    assertThat(typo.<String>getAs("rule")).isEqualTo("implausible_date");
    assertThat(typo.<String>getAs("detail")).isEqualTo("report_date '0202-07-30' is not between 1900 and 2100");
    assertThat(typo.<String>getAs("source_file")).endsWith("ai_companies_2025-12/ai_companies_compute_spend.csv");
    assertThat(typo.<Long>getAs("line")).isEqualTo(34L);
    assertThat(typo.<String>getAs("raw_record")).contains("OpenAI 2025 cloud compute");
    Row numbers = table("bronze/epoch_funding_rounds")
        .where("id = 'Sep 2025 10B' AND _source_file LIKE '%2025-12%'").first();
    assertThat(numbers.<Double>getAs("post_money_valuation")).as("2E+11 as exported").isEqualTo(2e11);
    assertThat(numbers.<java.sql.Date>getAs("report_date")).as("9/19/2025 as exported")
        .isEqualTo(java.sql.Date.valueOf("2025-09-19"));
  }

  @Test
  void landingAnOlderDownloadBesideTheNewestKeepsOneRowPerRealEvent() {
    assertThat(silver()).isEqualTo(silverWithNewestOnly);
    assertThat(table("silver/funding_rounds").where("epoch_id IN ('June 2024 Series B', 'Sep 2025 10B')").count())
        .as("ids the newer download renamed").isZero();
    assertThat(table("silver/funding_rounds").where("epoch_id = 'June 2024 6B'").count())
        .as("Mistral's June 2024 round: the curated row or Epoch's, once").isLessThanOrEqualTo(1);
    assertThat(table("silver/funding_rounds").where("company_id = 'mistral-ai' AND announced_on = DATE'2024-06-11'")
        .count()).isEqualTo(1);
  }

  @Test
  void theSummaryNamesTheRealDatasetsAndTheEvidence() {
    assertThat(newestOnly.printed())
        .contains("Public data in silver (Epoch AI datasets, epoch.ai, CC BY 4.0")
        .containsPattern("AI Companies: compute spend\\s+14 rows")
        .containsPattern("GPU Clusters\\s+786 rows")
        .contains("Published evidence of the inference share (gold/share_evidence): 21 curated + 3 derived")
        .contains("epoch/: 1 file(s) no dataset reads, left alone: chip_types.csv");
  }

  @Test
  void goldHoldsInstalledComputeClustersAndEvidenceKnownOnTheRunDate() {
    Row nvidia = table("gold/installed_compute_quarterly").where("designer = 'Nvidia'").orderBy(
        org.apache.spark.sql.functions.col("quarter").desc()).first();
    assertThat(nvidia.<Double>getAs("installed_h100e")).isGreaterThan(1e6);
    assertThat(nvidia.<java.sql.Date>getAs("quarter_end")).isBeforeOrEqualTo(java.sql.Date.valueOf(RUN_DATE));
    assertThat(table("gold/cluster_capacity_quarterly").where("status = 'existing'").count()).isPositive();
    Dataset<Row> evidence = table("gold/share_evidence");
    assertThat(evidence.count()).isEqualTo(24);
    assertThat(evidence.where("known_on_run_date").count()).isEqualTo(24);
    Row derived = evidence.where("origin = 'derived' AND scope = 'company:OpenAI' AND period_start = DATE'2024-01-01'")
        .first();
    assertThat(derived.<Double>getAs("inference_share")).isCloseTo(1.8 / 5.8, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(derived.<String>getAs("lineage")).contains("OpenAI 2024 inference").contains("ai_companies_compute_spend.csv#");
  }

  private long landed(String dataset, String fileRegex) {
    return table("bronze/" + dataset).where(org.apache.spark.sql.functions.col("_source_file").rlike(fileRegex)).count();
  }

  private long quarantined(String dataset, String fileRegex) {
    Path quarantine = lake.resolve("quarantine/" + dataset);
    return Files.isDirectory(quarantine)
        ? table("quarantine/" + dataset).where(org.apache.spark.sql.functions.col("source_file").rlike(fileRegex)).count()
        : 0;
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve(name).toString());
  }

  private Map<String, List<String>> silver() {
    Map<String, List<String>> all = Lakes.content(lake);
    all.keySet().removeIf(table -> !table.startsWith("silver/"));
    return all;
  }
}
