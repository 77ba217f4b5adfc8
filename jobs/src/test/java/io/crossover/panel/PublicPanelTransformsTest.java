package io.crossover.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.SparkTestSession;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The panel's public-data transforms, each on a frame of a few rows. */
class PublicPanelTransformsTest {
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void flagsTheEvidenceTheRunDateCouldKnowAndPlacesItMidPeriod() {
    List<Row> rows = Evidence.shareEvidenceAsOf(evidence(), LocalDate.of(2025, 6, 30)).orderBy("source").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("source") + " " + r.getAs("period_mid_month") + " " + r.getAs("known_on_run_date"))
        .containsExactly("Deloitte 2023 2023-07-01 false", "Deloitte 2025 2025-07-01 false",
            "Nvidia FY2024 2023-07-01 true", "OpenAI 2024 2024-07-01 true");
    assertThat(rows).extracting(r -> r.getAs("as_of").toString()).containsOnly("2025-06-30");
  }

  @Test
  void countsTheKnownEvidenceCoveringEachMonthAndAveragesTheMarketComputeShare() {
    Dataset<Row> months = spark.sql("SELECT * FROM VALUES (DATE'2023-06-01'), (DATE'2024-03-01'), (DATE'2022-01-01') AS t(month)");
    List<Row> perMonth = Evidence.evidencePerMonth(months, Evidence.shareEvidenceAsOf(evidence(), LocalDate.of(2026, 1, 1)))
        .orderBy("month").collectAsList();
    assertThat(perMonth).extracting(r -> r.getAs("month") + " " + r.getAs("evidence_rows") + " "
        + r.getAs("market_compute_share_evidence"))
        .containsExactly("2022-01-01 0 null", "2023-06-01 2 0.333", "2024-03-01 1 null");
  }

  @Test
  void sumsShipmentsPerDesignerQuarterWithTheirRunningTotalUpToTheRunDate() {
    Dataset<Row> shipments = spark.sql("SELECT * FROM VALUES "
        + "('Nvidia', DATE'2024-01-01', DATE'2024-03-31', 100D, 10D), ('Nvidia', DATE'2024-01-01', DATE'2024-03-31', 50D, 5D),"
        + "('Nvidia', DATE'2024-04-01', DATE'2024-06-30', 200D, 20D), ('Google', DATE'2024-04-01', DATE'2024-06-30', 30D, 3D),"
        + "('Nvidia', DATE'2024-07-01', DATE'2024-09-30', 999D, 99D)"
        + " AS t(designer, quarter, quarter_end, units_p50, h100e_p50)");
    Dataset<Row> cumulative = spark.sql("SELECT 'Nvidia' AS designer, DATE'2024-06-30' AS through, 30D AS h100e_p05,"
        + " 35D AS h100e_p50, 40D AS h100e_p95");
    Dataset<Row> components = spark.sql("SELECT 'NVIDIA' AS designer, DATE'2024-04-01' AS quarter,"
        + " 'cowos_wafers' AS component, 1234D AS p50");
    List<Row> rows = PublicCapacity.installedComputeQuarterly(shipments, cumulative, components, LocalDate.of(2024, 8, 15))
        .orderBy("designer", "quarter").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("designer") + " " + r.getAs("quarter") + " " + r.getAs("h100e_shipped") + " "
        + r.getAs("installed_h100e") + " " + r.getAs("epoch_cumulative_h100e_p50") + " " + r.getAs("cowos_wafers"))
        .containsExactly("Google 2024-04-01 3.0 3.0 null null", "Nvidia 2024-01-01 15.0 15.0 null null",
            "Nvidia 2024-04-01 20.0 35.0 35.0 1234.0");
  }

  @Test
  void countsAClusterFromItsFirstOperationalQuarterUntilItIsDecommissioned() {
    Dataset<Row> clusters = spark.sql("SELECT * FROM VALUES "
        + "('existing', 100D, DATE'2024-02-10', CAST(NULL AS DATE), false),"
        + "('decommissioned', 50D, DATE'2024-01-05', DATE'2024-05-01', false),"
        + "('existing', 1000D, DATE'2024-04-01', CAST(NULL AS DATE), true),"
        + "('planned', 70D, CAST(NULL AS DATE), CAST(NULL AS DATE), false)"
        + " AS t(status, h100e, first_operational_date, decommissioned_date, possible_duplicate)");
    List<String> rows = PublicCapacity.clusterCapacityQuarterly(clusters, LocalDate.of(2024, 7, 15))
        .orderBy("status", "quarter").collectAsList().stream()
        .map(r -> r.getAs("status") + " " + r.getAs("quarter") + " " + r.getAs("clusters") + " " + r.getAs("h100e")).toList();
    assertThat(rows).containsExactly("decommissioned 2024-01-01 1 50.0", "decommissioned 2024-04-01 0 0.0",
        "decommissioned 2024-07-01 0 0.0", "existing 2024-01-01 1 100.0", "existing 2024-04-01 1 100.0",
        "existing 2024-07-01 1 100.0");
  }

  @Test
  void putsInstalledComputeClustersCowosAndEvidenceBesideEachPanelMonth() {
    Dataset<Row> months = spark.sql("SELECT * FROM VALUES (DATE'2024-05-01'), (DATE'2023-01-01') AS t(month)");
    Dataset<Row> installed = spark.sql("SELECT * FROM VALUES (DATE'2024-01-01', 15D), (DATE'2024-04-01', 20D),"
        + " (DATE'2024-07-01', 99D) AS t(quarter, h100e_shipped)");
    Dataset<Row> clusters = spark.sql("SELECT DATE'2024-04-01' AS quarter, 'existing' AS status, 100D AS h100e");
    Dataset<Row> components = spark.sql("SELECT * FROM VALUES ('all', DATE'2024-04-01', 'cowos_wafers', 76500D),"
        + " ('NVIDIA', DATE'2024-04-01', 'cowos_wafers', 1D) AS t(designer, quarter, component, p50)");
    Dataset<Row> capacity = PublicCapacity.capacityPerMonth(months, installed, clusters, components);
    Dataset<Row> panel = spark.sql("SELECT * FROM VALUES (DATE'2024-05-01', 'all'), (DATE'2023-01-01', 'all') AS t(month, segment)");
    List<Row> rows = MarketPanel.withPublicData(panel, capacity,
            Evidence.evidencePerMonth(months, Evidence.shareEvidenceAsOf(evidence(), LocalDate.of(2026, 1, 1))))
        .orderBy("month").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("month") + " " + r.getAs("installed_h100e") + " "
        + r.getAs("cluster_h100e_operational") + " " + r.getAs("cowos_wafers_quarter") + " " + r.getAs("evidence_rows"))
        .containsExactly("2023-01-01 null null null 2", "2024-05-01 35.0 100.0 76500.0 1");
  }

  private Dataset<Row> evidence() {
    return spark.sql("SELECT * FROM VALUES "
        + "('Deloitte 2023', 'compute_share', 'market', DATE'2023-01-01', DATE'2023-12-31', 'observation', 0.333D, DATE'2025-11-30'),"
        + "('Deloitte 2025', 'compute_share', 'market', DATE'2025-01-01', DATE'2025-12-31', 'observation', 0.5D, DATE'2025-11-30'),"
        + "('Nvidia FY2024', 'revenue_share', 'vendor:Nvidia', DATE'2023-01-30', DATE'2024-01-28', 'observation', 0.4D, DATE'2024-02-21'),"
        + "('OpenAI 2024', 'spend_share', 'company:OpenAI', DATE'2024-01-01', DATE'2024-12-31', 'forecast', 0.571D, DATE'2024-08-01')"
        + " AS t(source, measure, scope, period_start, period_end, kind, inference_share, published_on)");
  }
}
