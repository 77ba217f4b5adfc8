package io.crossover.panel;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossover.SparkTestSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class PanelTransformsTest {
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> usage() {
    return spark.sql("SELECT *, CAST(trunc(event_time, 'month') AS DATE) AS event_month FROM VALUES "
        + "(TIMESTAMP'2025-05-03 10:00:00', 'eu-west', 'training', 10.0D, 2.0D),"
        + "(TIMESTAMP'2025-05-20 10:00:00', 'us-east', 'inference', 5.0D, 1.0D),"
        + "(TIMESTAMP'2025-06-30 23:59:59', 'eu-west', 'inference', 4.0D, 3.0D),"
        + "(TIMESTAMP'2025-07-01 00:00:00', 'eu-west', 'inference', 100.0D, 100.0D)"
        + " AS t(event_time, region, workload_class, device_hours, pflop_days)");
  }

  @Test
  void sumsDemandPerMonthForAllAndEachSegmentUpToTheRunDate() {
    Map<String, Double> pflop = Demand.demandMonthly(usage(), LocalDate.of(2025, 6, 30), List.of("region"))
        .collectAsList().stream().collect(Collectors.toMap(
            r -> r.getAs("month") + " " + r.getAs("segment") + " " + r.getAs("workload"),
            r -> r.<Double>getAs("pflop_days")));
    assertThat(pflop).containsExactlyInAnyOrderEntriesOf(Map.of(
        "2025-05-01 all training", 2.0,
        "2025-05-01 all inference", 1.0,
        "2025-05-01 region=eu-west training", 2.0,
        "2025-05-01 region=us-east inference", 1.0,
        "2025-06-01 all inference", 3.0,
        "2025-06-01 region=eu-west inference", 3.0));
  }

  @Test
  void segmentsByChipAndVendorFromSilversColumns() {
    Dataset<Row> usage = usage().withColumn("chip_id", lit("h100")).withColumn("vendor", lit("nvidia"));
    List<String> segments = Demand.demandMonthly(usage, LocalDate.of(2025, 6, 30), List.of("chip", "vendor"))
        .select("segment").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(segments).containsExactlyInAnyOrder("all", "chip=h100", "vendor=nvidia");
  }

  @Test
  void buildsOnlyTheAllSegmentWithoutSegmentColumns() {
    List<Row> rows = Demand.demandMonthly(usage(), LocalDate.of(2025, 12, 31), List.of()).collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("segment")).containsOnly("all");
    assertThat(rows).hasSize(4);
  }

  @Test
  void panelHasBothWorkloadsTheShareAndWhetherTheMonthIsComplete() {
    Dataset<Row> demand = Demand.demandMonthly(usage(), LocalDate.of(2025, 7, 15), List.of());
    Dataset<Row> months = demand.select("month").distinct();
    Dataset<Row> funding = spark.sql("SELECT * FROM VALUES (DATE'2024-05-31', 10.0D), (DATE'2024-06-01', 1.0D),"
        + " (DATE'2025-05-31', 5.0D), (DATE'2025-06-01', 7.0D) AS t(announced_on, amount_usd)");
    Dataset<Row> supply = spark.sql("SELECT * FROM VALUES (DATE'2025-04-01', 'training', 50.0D), (DATE'2025-07-01', 'inference', 8.0D)"
        + " AS t(quarter, designed_for, shipped_pflops)");
    Map<String, Row> panel = MarketPanel.marketPanel(demand, Capital.capitalTrailing12m(months, funding, LocalDate.of(2025, 7, 15)),
        Supply.installedCapacity(months, supply), LocalDate.of(2025, 7, 15))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("month").toString(), r -> r));
    Row may = panel.get("2025-05-01");
    assertThat(may.<Double>getAs("training_pflop_days")).isEqualTo(2.0);
    assertThat(may.<Double>getAs("inference_share")).isCloseTo(1.0 / 3.0, within(1e-12));
    assertThat(may.<Boolean>getAs("is_complete_month")).isTrue();
    assertThat(may.<Double>getAs("capital_raised_ttm_usd")).isEqualTo(6.0);
    assertThat(may.<Double>getAs("installed_pflops_training")).isEqualTo(50.0);
    assertThat(may.<Double>getAs("installed_pflops_inference")).isEqualTo(0.0);
    Row june = panel.get("2025-06-01");
    assertThat(june.<Double>getAs("inference_share")).isEqualTo(1.0);
    assertThat(june.<Double>getAs("capital_raised_ttm_usd")).isEqualTo(12.0);
    Row july = panel.get("2025-07-01");
    assertThat(july.<Boolean>getAs("is_complete_month")).isFalse();
    assertThat(july.<Double>getAs("installed_pflops_inference")).isEqualTo(8.0);
  }

  @Test
  void spreadsYearlyShipmentsOverQuartersAndAveragesLevelEstimates() {
    Dataset<Row> supply = spark.sql("SELECT * FROM VALUES "
        + "(DATE'2024-01-01', 12, 'Nvidia', 'h100sxm', 'units_shipped', 400.0D, 'units', 'a'),"
        + "(DATE'2024-10-01', 3, 'TSMC', CAST(NULL AS STRING), 'cowos_wafers_per_month', 30000.0D, 'wafers/month', 'a'),"
        + "(DATE'2024-10-01', 3, 'TSMC', CAST(NULL AS STRING), 'cowos_wafers_per_month', 40000.0D, 'wafers/month', 'b'),"
        + "(DATE'2026-01-01', 12, 'TSMC', CAST(NULL AS STRING), 'cowos_wafers_per_month', 90000.0D, 'wafers/month', 'a')"
        + " AS t(period_start, period_months, vendor, chip_id, metric, value, unit, estimate_by)");
    Dataset<Row> catalogue = spark.sql("SELECT 'h100sxm' AS chip_id, 'both' AS designed_for, 1000.0D AS bf16_tflops");
    Map<String, Row> rows = Supply.supplyQuarterly(supply, catalogue, LocalDate.of(2025, 12, 31)).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("quarter") + " " + r.getAs("metric"), r -> r));
    assertThat(rows).hasSize(5);
    assertThat(rows.get("2024-04-01 units_shipped").<Double>getAs("value")).isEqualTo(100.0);
    assertThat(rows.get("2024-04-01 units_shipped").<Double>getAs("shipped_pflops")).isEqualTo(100.0);
    assertThat(rows.get("2024-04-01 units_shipped").<String>getAs("designed_for")).isEqualTo("both");
    Row cowos = rows.get("2024-10-01 cowos_wafers_per_month");
    assertThat(cowos.<Double>getAs("value")).isEqualTo(35000.0);
    assertThat(cowos.<Long>getAs("estimates")).isEqualTo(2L);
  }
}
