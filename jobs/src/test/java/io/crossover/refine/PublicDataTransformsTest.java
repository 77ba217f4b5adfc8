package io.crossover.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crossover.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The public-data transforms of refine, each on a frame of a few rows. */
class PublicDataTransformsTest {
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void keepsOnlyTheNewestDownloadJudgedByItsLatestReportDate() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('z/2025-12.csv', 1L, 'Sep 2025 10B', DATE'2025-11-18', TIMESTAMP'2026-01-02 00:00:00'),"
        + "('z/2025-12.csv', 2L, 'June 2024 Series B', DATE'2024-06-11', TIMESTAMP'2026-01-02 00:00:00'),"
        + "('a/2026-08.csv', 1L, 'Jan 2026 20B Series E', DATE'2026-05-20', TIMESTAMP'2026-01-01 00:00:00'),"
        + "('a/2026-08.csv', 2L, 'June 2024 6B', DATE'2024-06-11', TIMESTAMP'2026-01-01 00:00:00'),"
        + "('a/2026-08.csv', 3L, 'undated', NULL, TIMESTAMP'2026-01-01 00:00:00')"
        + " AS t(_source_file, _line, id, report_date, _ingested_at)");
    List<String> kept = Snapshots.newestDownload(rows, "report_date").orderBy("_line")
        .collectAsList().stream().map(r -> r.<String>getAs("id")).toList();
    assertThat(kept).containsExactly("Jan 2026 20B Series E", "June 2024 6B", "undated");
  }

  @Test
  void aCuratedRoundWinsOverAnEpochRoundOfTheSameCompanyWithin45Days() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('xai', DATE'2024-12-23', 'curated', 6.0E9),"
        + "('xai', DATE'2024-11-20', 'epoch', 6.0E9),"
        + "('xai', DATE'2025-06-30', 'epoch', 1.0E10),"
        + "('openai', DATE'2024-12-01', 'epoch', 1.0E9),"
        + "('openai', DATE'2023-01-23', 'curated', 1.0E10)"
        + " AS t(company_id, announced_on, origin, amount)");
    List<String> kept = Origins.preferCurated(rows, "announced_on", "company_id").orderBy("company_id", "announced_on")
        .collectAsList().stream().map(r -> r.getAs("company_id") + " " + r.getAs("announced_on") + " " + r.getAs("origin"))
        .toList();
    assertThat(kept).containsExactly("openai 2023-01-23 curated", "openai 2024-12-01 epoch",
        "xai 2024-12-23 curated", "xai 2025-06-30 epoch");
  }

  @Test
  void anEpochRoundIsDatedByItsCloseOrReportDateAndOnlyAClosedOneHasRaisedCapital() {
    Dataset<Row> rounds = spark.sql("SELECT * FROM VALUES "
        + "('OpenAI–Nvidia', 'OpenAI', CAST(NULL AS DATE), 'Late discussions', 1.0E11, CAST(NULL AS DOUBLE),"
        + "  CAST(NULL AS DOUBLE), DATE'2025-09-22', 'Primary', 'Likely', 'u', 'n', 'f', 1L, TIMESTAMP'2026-01-01 00:00:00'),"
        + "('Apr 2023 27B', 'OpenAI', DATE'2023-04-26', 'Closed', 3.0E8, CAST(NULL AS DOUBLE), 2.7E10,"
        + "  CAST(NULL AS DATE), 'Primary', 'Confident', 'u', 'n', 'f', 2L, TIMESTAMP'2026-01-01 00:00:00'),"
        + "('Debt too', 'xAI', DATE'2025-06-30', 'Closed', 5.0E9, 5.0E9, 1.5E11,"
        + "  DATE'2025-08-01', 'Primary,Debt', 'Likely', 'u', 'n', 'f', 3L, TIMESTAMP'2026-01-01 00:00:00')"
        + " AS t(id, company, close_date, status, funding_equity, funding_debt, post_money_valuation, report_date,"
        + " round_type, confidence, source_url, notes, _source_file, _line, _ingested_at)");
    List<Row> funding = EpochFacts.roundsAsFundingRounds(rounds).orderBy("_line").collectAsList();
    assertThat(funding).extracting(r -> r.getAs("announced_on").toString())
        .containsExactly("2025-09-22", "2023-04-26", "2025-06-30");
    assertThat(funding).extracting(r -> r.<Boolean>getAs("closed")).containsExactly(false, true, true);
    assertThat(funding).extracting(r -> r.<Double>getAs("amount")).containsExactly(1.0e11, 3.0e8, 1.0e10);
    assertThat(funding).extracting(r -> r.<String>getAs("status")).containsExactly("likely", "confident", "likely");
    List<Row> valuations = EpochFacts.roundsAsValuations(EpochFacts.roundsAsFundingRounds(rounds)).orderBy("_line")
        .collectAsList();
    assertThat(valuations).extracting(r -> r.<String>getAs("epoch_id")).containsExactly("Apr 2023 27B", "Debt too");
    assertThat(valuations).extracting(r -> r.<String>getAs("kind")).containsOnly("round");
  }

  @Test
  void mlHardwareBecomesTheCatalogueInTeraflopsAndTheHandKeptChipWins() {
    Dataset<Row> hardware = spark.sql("SELECT * FROM VALUES "
        + "('NVIDIA H100 SXM5 80GB', 'NVIDIA', DATE'2022-03-22', 'TSMC', 4.0D, 8.0E10, 3.35E12, 9.89E14,"
        + "  CAST(NULL AS DOUBLE), 1.979E15, CAST(NULL AS DOUBLE), 700.0, 'u', 'n', 'f', 1L, TIMESTAMP'2026-01-01 00:00:00'),"
        + "('Old GPU', 'Vendor', DATE'2016-01-01', NULL, 16.0D, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),"
        + "  CAST(NULL AS DOUBLE), 2.0E13, CAST(NULL AS DOUBLE), 4.0E13, 250.0, 'u', 'n', 'f', 2L, TIMESTAMP'2026-01-01 00:00:00'),"
        + "('H100 SXM', 'NVIDIA', DATE'2022-03-22', NULL, 4.0D, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 1.0E15,"
        + "  CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 700.0, 'u', 'n', 'f', 3L, TIMESTAMP'2026-01-01 00:00:00')"
        + " AS t(hardware_name, manufacturer, release_date, foundry, process_nm, memory_bytes, memory_bandwidth_bytes,"
        + " tensor_16bit_flops, fp16_flops, fp8_flops, int8_ops, tdp_w, source_url, notes, _source_file, _line, _ingested_at)");
    Dataset<Row> curated = spark.sql("SELECT 'Nvidia' AS vendor, 'H100 SXM' AS chip, 989.0D AS bf16_tflops,"
        + " 'both' AS designed_for, 'c' AS _source_file, 1L AS _line, TIMESTAMP'2026-01-01 00:00:00' AS _ingested_at");
    List<Row> catalogue = EpochFacts.acceleratorCatalogue(curated, hardware).orderBy("chip_id").collectAsList();
    assertThat(catalogue).extracting(r -> r.getAs("chip_id") + " " + r.getAs("origin") + " " + r.getAs("bf16_tflops"))
        .containsExactly("h100sxm curated 989.0", "nvidiah100sxm580gb epoch 989.0", "oldgpu epoch 20.0");
    Row h100 = catalogue.get(1);
    assertThat(h100.<Double>getAs("hbm_gb")).isEqualTo(80.0);
    assertThat(h100.<Double>getAs("fp8_tflops")).isEqualTo(1979.0);
    assertThat(h100.<Long>getAs("launch_year")).isEqualTo(2022L);
    assertThat(h100.<String>getAs("process_node")).isEqualTo("4nm");
    assertThat(catalogue.get(2).<Double>getAs("fp8_tflops")).as("INT8 when FP8 is not published").isEqualTo(40.0);
  }

  @Test
  void readsEachComputeSpendPeriodAndSaysWhenCategoriesAndColumnsDisagree() {
    List<Row> rows = ComputeSpend.attachPeriods(spend().where("_line <= 5")).orderBy("_line").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("period_start") + ".." + r.getAs("period_end") + "/" + r.getAs("period_months"))
        .containsExactly("2024-01-01..2024-12-31/12", "2024-01-01..2024-12-31/12", "2025-01-01..2025-12-31/12",
            "2025-01-01..2025-03-31/3", "2025-07-01..2025-07-31/1");
    assertThat(rows.get(4).<Boolean>getAs("annualized")).isTrue();
    assertThat(rows.get(2).<String>getAs("split_note"))
        .isEqualTo("categories name inference and R&D; the amount is in the inference column, taken as that side");
    assertThat(rows.get(3).<String>getAs("split_note")).isEqualTo("categories name inference and R&D; total only, no split");
  }

  @Test
  void derivesTheSpendShareOfOpenAI2024AsInferenceOverInferencePlusResearch() {
    List<Row> derived = ShareEvidence.derivedFromComputeSpend(ComputeSpend.attachPeriods(spend()))
        .orderBy("scope", "period_start").collectAsList();
    assertThat(derived).hasSize(2);
    Row openAi = derived.get(1);
    assertThat(openAi.<String>getAs("scope")).isEqualTo("company:OpenAI");
    assertThat(openAi.<Double>getAs("inference_share")).isCloseTo(1.8 / (1.8 + 4.0), within(1e-9));
    assertThat(openAi.<String>getAs("derivation")).startsWith("1.80 / (1.80 + 4.00)");
    assertThat(openAi.<String>getAs("kind")).isEqualTo("observation");
    assertThat(openAi.<String>getAs("status")).isEqualTo("press_report");
    assertThat(openAi.<String>getAs("lineage")).contains("OpenAI 2024 inference (f#1)").contains("OpenAI 2024 R&D (f#2)");
    Row anthropic = derived.get(0);
    assertThat(anthropic.<Double>getAs("inference_share")).as("the later report wins: 2.7, not 1.7")
        .isCloseTo(2.7 / (2.7 + 4.1), within(1e-9));
  }

  @Test
  void aMonthPublishedCanBeKnownFromItsLastDay() {
    List<String> days = spark.sql("SELECT * FROM VALUES ('2025-11'), ('2024-02-21'), ('2024-02') AS t(published)")
        .select(ShareEvidence.publishedOn(org.apache.spark.sql.functions.col("published")).cast("string"))
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(days).containsExactly("2025-11-30", "2024-02-21", "2024-02-29");
  }

  @Test
  void componentsComeInLongFormWithTheMarketSupplyAsDesignerAll() {
    Dataset<Row> designer = spark.sql("SELECT 'NVIDIA' AS designer, DATE'2024-01-01' AS start_date, DATE'2024-03-31' AS end_date,"
        + " 1D AS logic_wafers_p05, 2D AS logic_wafers_p50, 3D AS logic_wafers_p95, 10D AS cowos_wafers_p05,"
        + " 20D AS cowos_wafers_p50, 30D AS cowos_wafers_p95, 100D AS hbm_cost_usd_p05, 200D AS hbm_cost_usd_p50,"
        + " 300D AS hbm_cost_usd_p95, 'f' AS _source_file, 1L AS _line, TIMESTAMP'2026-01-01 00:00:00' AS _ingested_at");
    Dataset<Row> supply = designer.drop("designer").withColumn("cowos_wafers_p50", org.apache.spark.sql.functions.lit(58500D));
    List<String> rows = Chips.components(designer, supply).orderBy("designer", "component").collectAsList().stream()
        .map(r -> r.getAs("designer") + " " + r.getAs("component") + " " + r.getAs("p50")).toList();
    assertThat(rows).containsExactly("NVIDIA cowos_wafers 20.0", "NVIDIA hbm_cost_usd 200.0", "NVIDIA logic_wafers 2.0",
        "all cowos_wafers 58500.0", "all hbm_cost_usd 200.0", "all logic_wafers 2.0");
  }

  @Test
  void trimsAChipNameEndingInANewlineAndReadsEpochsFlagsAsBooleans() {
    Dataset<Row> sales = spark.sql("SELECT 'AMD' AS designer, 'MI325X\\n' AS chip, DATE'2024-10-01' AS start_date,"
        + " DATE'2024-12-31' AS end_date, 'TRUE' AS incomplete, 1D AS units_p05, 2D AS units_p50, 3D AS units_p95,"
        + " 4D AS h100e_p05, 5D AS h100e_p50, 6D AS h100e_p95, 7D AS cost_usd, 'u' AS source_url, 'f' AS _source_file,"
        + " 1L AS _line, TIMESTAMP'2026-01-01 00:00:00' AS _ingested_at");
    Row shipment = Chips.chipShipments(sales).first();
    assertThat(shipment.<String>getAs("chip")).isEqualTo("MI325X");
    assertThat(shipment.<String>getAs("chip_id")).isEqualTo("mi325x");
    assertThat(shipment.<Boolean>getAs("incomplete")).isTrue();
    Dataset<Row> clusters = spark.sql("SELECT * FROM VALUES "
        + "('Colossus', 'Existing', 'TRUE', 'Yes'), ('Other', ' Planned ', NULL, 'Unclear')"
        + " AS t(name, status, possible_duplicate, single_cluster)")
        .selectExpr("*", "'Likely' AS certainty", "1D AS h100e", "'H100' AS chip_type", "1D AS chip_quantity",
            "'US' AS country", "'xAI' AS owner", "'Private' AS sector", "DATE'2024-09-01' AS first_operational_date",
            "CAST(NULL AS DATE) AS decommissioned_date", "150D AS power_mw", "'u' AS source_url", "'f' AS _source_file",
            "1L AS _line", "TIMESTAMP'2026-01-01 00:00:00' AS _ingested_at");
    assertThat(Chips.clusters(clusters).orderBy("name").collectAsList())
        .extracting(r -> r.getAs("status") + " " + r.getAs("possible_duplicate"))
        .containsExactly("existing true", "planned false");
  }

  @Test
  void derivingEvidenceFromAFrameWithoutTheSplitColumnsNamesThem() {
    assertThatThrownBy(() -> ShareEvidence.derivedFromComputeSpend(spark.sql("SELECT 'OpenAI' AS company")))
        .hasMessageStartingWith("Cannot run derivedFromComputeSpend: missing columns [id,")
        .hasMessageContaining("present columns are [company]");
  }

  /** Five compute-spend reports as landed (Epoch's 2026-08 rows, trimmed). */
  private Dataset<Row> spend() {
    return spark.sql("SELECT * FROM VALUES "
        + "('OpenAI 2024 inference', 'OpenAI', 'Inference cloud compute', 'year', DATE'2024-12-31', DATE'2024-10-09',"
        + "  1.8E9, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 'Likely', 'u', 'f', 1L),"
        + "('OpenAI 2024 R&D', 'OpenAI', 'R&D cloud compute', 'year', DATE'2024-12-31', DATE'2024-10-09',"
        + "  CAST(NULL AS DOUBLE), 4.0E9, CAST(NULL AS DOUBLE), 'Likely', 'u', 'f', 2L),"
        + "('Anthropic 2025 inference', 'Anthropic', 'R&D cloud compute,Inference cloud compute', 'year',"
        + "  DATE'2025-12-31', DATE'2026-01-21', 2.7E9, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 'Likely', 'u', 'f', 3L),"
        + "('Anthropic Q1 2025', 'Anthropic', 'R&D cloud compute,Inference cloud compute', 'quarter',"
        + "  DATE'2025-03-31', DATE'2025-05-20', CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 1.0E9, 'Likely', 'u', 'f', 4L),"
        + "('Anthropic July 2025', 'Anthropic', 'Inference cloud compute', 'annualized', DATE'2025-07-31',"
        + "  CAST(NULL AS DATE), 2.0E9, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 'Likely', 'u', 'f', 5L)"
        + " AS t(id, company, category, period_type, date, report_date, inference_spend, rnd_spend, total_spend,"
        + " confidence, source_url, _source_file, _line)")
        .unionByName(spark.sql("SELECT 'Anthropic 2025 inference' AS id, 'Anthropic' AS company,"
            + " 'Inference cloud compute' AS category, 'year' AS period_type, DATE'2025-12-31' AS date,"
            + " DATE'2025-07-11' AS report_date, 1.7E9 AS inference_spend, CAST(NULL AS DOUBLE) AS rnd_spend,"
            + " CAST(NULL AS DOUBLE) AS total_spend, 'Uncertain' AS confidence, 'u' AS source_url, 'f' AS _source_file,"
            + " 6L AS _line"))
        .unionByName(spark.sql("SELECT 'Anthropic 2025 training' AS id, 'Anthropic' AS company,"
            + " 'R&D cloud compute' AS category, 'year' AS period_type, DATE'2025-12-31' AS date,"
            + " DATE'2026-01-21' AS report_date, CAST(NULL AS DOUBLE) AS inference_spend, 4.1E9 AS rnd_spend,"
            + " CAST(NULL AS DOUBLE) AS total_spend, 'Likely' AS confidence, 'u' AS source_url, 'f' AS _source_file,"
            + " 7L AS _line"));
  }
}
