package io.crossover.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crossover.SparkTestSession;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class RefineTransformsTest {
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void mapsAliasesToCompanyIdsAndSlugsTheRest() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES ('Open AI'), ('OPENAI INC.'), ('Mistral AI'), ('Zhipu AI 智谱') AS t(company)");
    Dataset<Row> aliases = spark.sql("SELECT * FROM VALUES ('OpenAI Inc.', 'openai'), ('Open AI', 'openai') AS t(alias, company_id)");
    List<String> ids = Companies.attachCompanyIds(rows, aliases).orderBy("company")
        .collectAsList().stream().map(r -> r.getAs("company") + "=" + r.getAs("company_id") + ":" + r.getAs("company_matched"))
        .toList();
    assertThat(ids).containsExactly("Mistral AI=mistral-ai:false", "OPENAI INC.=openai:true",
        "Open AI=openai:true", "Zhipu AI 智谱=zhipu-ai-智谱:false");
  }

  @Test
  void convertsAtTheLatestRateOnOrBeforeTheDateAndLeavesNoRateEmpty() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('EUR', DATE'2024-06-15', 'f', 1L), ('EUR', DATE'2024-01-01', 'f', 2L), ('USD', DATE'2020-01-01', 'f', 3L)"
        + " AS t(currency, announced_on, _source_file, _line)");
    Dataset<Row> fx = spark.sql("SELECT * FROM VALUES (DATE'2024-06-01', 'EUR', 1.08D), (DATE'2024-06-20', 'EUR', 1.20D),"
        + " (DATE'2024-03-01', 'EUR', 1.10D) AS t(date, currency, usd_per_unit)");
    String rates = Money.attachUsdRate(rows, fx, "announced_on").orderBy("_line").collectAsList().stream()
        .map(r -> String.valueOf(r.<Object>getAs("usd_per_unit"))).collect(Collectors.joining(","));
    assertThat(rates).isEqualTo("1.08,null,1.0");
  }

  @Test
  void keepsTheLatestIngestedRowPerKey() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('e1', 1, TIMESTAMP'2025-01-01 00:00:00', 'a.csv', 5L), ('e1', 2, TIMESTAMP'2025-02-01 00:00:00', 'b.csv', 9L),"
        + " ('e2', 3, TIMESTAMP'2025-01-01 00:00:00', 'a.csv', 6L) AS t(event_id, v, _ingested_at, _source_file, _line)");
    List<Row> kept = Dedupe.latestPerKey(rows, "event_id").orderBy("event_id").collectAsList();
    assertThat(kept).extracting(r -> r.<Integer>getAs("v")).containsExactly(2, 3);
  }

  @Test
  void keepsTheLatestRowPerEventIdWithinEachEventMonth() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('e1', 1, TIMESTAMP'2025-03-05 10:00:00', TIMESTAMP'2025-04-01 00:00:00', 'a.csv', 5L),"
        + " ('e1', 2, TIMESTAMP'2025-03-07 10:00:00', TIMESTAMP'2025-04-02 00:00:00', 'b.csv', 9L),"
        + " ('e1', 3, TIMESTAMP'2025-04-01 00:00:00', TIMESTAMP'2025-04-01 00:00:00', 'a.csv', 6L)"
        + " AS t(event_id, v, event_time, _ingested_at, _source_file, _line)");
    List<String> kept = Usage.latestPerEventWithinMonth(rows).orderBy("v").collectAsList().stream()
        .map(r -> r.getAs("v") + "@" + r.getAs("event_month")).toList();
    assertThat(kept).containsExactly("2@2025-03-01", "3@2025-04-01");
  }

  @Test
  void shufflesUsageOnceToDedupeItByMonth() {
    Dataset<Row> rows = spark.range(4).selectExpr("concat('e', id % 2) AS event_id",
        "timestamp_seconds(1740000000 + id * 2000000) AS event_time", "current_timestamp() AS _ingested_at",
        "'a.csv' AS _source_file", "id AS _line");
    String plan = Usage.latestPerEventWithinMonth(rows).queryExecution().executedPlan().toString();
    assertThat(plan.split("Exchange ", -1)).as(plan).hasSize(2);
    assertThat(plan).contains("Exchange hashpartitioning(event_month");
  }

  @Test
  void findsUsageOfAChipTheCatalogueLacks() {
    Dataset<Row> catalogue = spark.sql("SELECT 'h100sxm' AS chip_id, 'Nvidia' AS vendor");
    assertThat(FullUsage.hasUnknownChips(spark.sql("SELECT * FROM VALUES ('H100 SXM'), ('h100-sxm') AS t(chip)"),
        catalogue)).isFalse();
    assertThat(FullUsage.hasUnknownChips(spark.sql("SELECT * FROM VALUES ('H100 SXM'), ('Mystery X') AS t(chip)"),
        catalogue)).isTrue();
  }

  @Test
  void keepsEveryRowOfAnEventThatOnceNamedAnUnknownChipAndNoOtherEvent() {
    Dataset<Row> catalogue = spark.sql("SELECT 'h100sxm' AS chip_id");
    Dataset<Row> usage = spark.sql("SELECT * FROM VALUES ('e1', 'Mystery X', 1), ('e1', 'H100 SXM', 2),"
        + " ('e2', 'h100-sxm', 3), ('e3', 'Mystery Y', 4), ('e4', CAST(NULL AS STRING), 5) AS t(event_id, chip, _line)");
    List<Integer> lines = FullUsage.eventsNamingUnknownChips(usage, catalogue).orderBy("_line")
        .select("_line").as(Encoders.INT()).collectAsList();
    assertThat(lines).containsExactly(1, 2, 4, 5);
  }

  @Test
  void computesPflopDaysFromTheCatalogueAndLeavesUnknownChipsEmpty() {
    Dataset<Row> usage = spark.sql("SELECT * FROM VALUES "
        + "('h100-sxm', TIMESTAMP'2025-03-05 10:00:00', 8L, 3.0D, 0.5D), ('Mystery X', TIMESTAMP'2025-03-05 10:00:00', 1L, 1.0D, 1.0D)"
        + " AS t(chip, event_time, device_count, duration_hours, utilization)");
    Dataset<Row> catalogue = spark.sql("SELECT 'h100sxm' AS chip_id, 'Nvidia' AS vendor, 989.0D AS bf16_tflops");
    List<Row> rows = Usage.toPflopDays(usage, catalogue).orderBy("chip").collectAsList();
    Row known = rows.get(1);
    assertThat(known.<Double>getAs("device_hours")).isEqualTo(24.0);
    assertThat(known.<Double>getAs("pflop_days")).isCloseTo(8 * 3.0 * 989.0 * 0.5 / 24000, within(1e-12));
    assertThat(known.<Object>getAs("event_month").toString()).isEqualTo("2025-03-01");
    assertThat(rows.get(0).<Object>getAs("bf16_tflops")).isNull();
  }

  @Test
  void classifiesFineTuningAndEvaluationAsConfigured() {
    Dataset<Row> usage = spark.sql("SELECT * FROM VALUES ('training'), ('inference'), ('fine_tuning'), ('evaluation') AS t(workload)");
    assertThat(classes(Usage.classifyWorkload(usage, "training", "inference")))
        .containsExactly("training", "inference", "training", "inference");
    assertThat(classes(Usage.classifyWorkload(usage, "inference", "training")))
        .containsExactly("training", "inference", "inference", "training");
  }

  @Test
  void turnsPeriodsIntoStartDatesAndLengths() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES ('2025'), ('2025-Q3'), ('2025-11') AS t(period)");
    List<String> ranges = Periods.attachPeriodRange(rows).collectAsList().stream()
        .map(r -> r.getAs("period_start") + "/" + r.getAs("period_months")).toList();
    assertThat(ranges).containsExactly("2025-01-01/12", "2025-07-01/3", "2025-11-01/1");
  }

  @Test
  void aTransformNamesTheColumnsItLacks() {
    assertThatThrownBy(() -> Usage.toPflopDays(spark.sql("SELECT 'x' AS chip"),
        spark.sql("SELECT 'x' AS chip_id, 'v' AS vendor, 1.0D AS bf16_tflops")))
        .hasMessage("Cannot run toPflopDays: missing columns [event_time, device_count, duration_hours,"
            + " utilization]; present columns are [chip] (toPflopDays)");
  }

  private static List<String> classes(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.<String>getAs("workload_class")).toList();
  }
}
