package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossover.Lakes;
import io.crossover.SparkTestSession;
import io.crossover.generate.LandingGenerator;
import io.crossover.generate.UsageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Generated usage with a known crossover per region, through `run`, against truth.json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownAnswerTest {
  static final LocalDate RUN_DATE = LocalDate.of(2025, 7, 1);
  /** Three regions, one crossed before the run date; steep enough (0.1/month) to pin the month down. */
  static final UsageModel MODEL = new UsageModel(YearMonth.of(2019, 1), YearMonth.of(2025, 6), 0.04, 0.1,
      List.of(new UsageModel.Region("us-east", 0.4, YearMonth.of(2024, 3)),
          new UsageModel.Region("us-west", 0.3, YearMonth.of(2025, 12)),
          new UsageModel.Region("eu-west", 0.3, YearMonth.of(2026, 6))));

  private final SparkSession spark = SparkTestSession.get();
  private Path landing;
  private Path lake;
  private Map<String, String> truth;
  private Map<String, Object> truthJson;
  private Lakes.Outcome outcome;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void runOnGeneratedData() throws IOException {
    landing = Files.createTempDirectory("crossover-known-landing");
    lake = Files.createTempDirectory("crossover-known-lake");
    Path truthFile = LandingGenerator.generate(landing, MODEL, 40_000, 11, RUN_DATE);
    truthJson = new com.fasterxml.jackson.databind.ObjectMapper().readValue(truthFile.toFile(), Map.class);
    truth = (Map<String, String>) truthJson.get("crossover_month");
    outcome = Lakes.run(landing, lake, Map.of("spark.crossover.forecast.bootstrap", "200"),
        "run", "--run-date", RUN_DATE.toString());
  }

  @Test
  void estimatesEachRegionWithinTwoMonthsAndTheMarketWithinThree() {
    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    Map<String, Row> estimates = estimates();
    assertThat(estimates.keySet()).containsExactlyInAnyOrder("all", "region=us-east", "region=us-west", "region=eu-west");
    for (Map.Entry<String, Row> estimate : estimates.entrySet()) {
      LocalDate p50 = estimate.getValue().getDate(estimate.getValue().fieldIndex("crossover_month_p50")).toLocalDate();
      LocalDate expected = YearMonth.parse(truth.get(estimate.getKey())).atDay(1);
      long tolerance = estimate.getKey().equals("all") ? 3 : 2;
      assertThat(Math.abs(ChronoUnit.MONTHS.between(expected, p50))).as(estimate.getKey() + " p50 " + p50 + " vs " + expected)
          .isLessThanOrEqualTo(tolerance);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void demandAsOfTheRunDateEqualsTheGeneratorsExactTotals() {
    Map<String, Double> expected = (Map<String, Double>) truthJson.get("pflop_days_as_of");
    Map<String, Double> gold = spark.read().format("delta").load(lake.resolve("gold/demand_monthly").toString())
        .where("segment = 'all'").groupBy("workload").sum("pflop_days").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    assertThat(gold.get("training")).isCloseTo(expected.get("training"), within(1e-6 * expected.get("training")));
    assertThat(gold.get("inference")).isCloseTo(expected.get("inference"), within(1e-6 * expected.get("inference")));
    assertThat(((Number) truthJson.get("events_after_as_of")).longValue()).isPositive();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPlantedBadRowIsQuarantinedUnderItsRule() {
    Map<String, Integer> planted = ((Map<String, Map<String, Integer>>) truthJson.get("planted_bad_rows")).get("usage_events");
    Map<String, Long> quarantined = spark.read().format("delta").load(lake.resolve("quarantine/usage_events").toString())
        .groupBy("rule").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(quarantined).hasSameSizeAs(planted);
    planted.forEach((rule, count) -> assertThat(quarantined.get(rule)).as(rule).isEqualTo(count.longValue()));
  }

  @Test
  void theRegionThatCrossedBeforeTheRunDateIsCrossedAndTheOthersProjected() {
    Map<String, Row> estimates = estimates();
    assertThat(estimates.get("region=us-east").<String>getAs("status")).isEqualTo("crossed");
    assertThat(estimates.get("region=us-west").<String>getAs("status")).isEqualTo("projected");
    assertThat(estimates.get("region=eu-west").<String>getAs("status")).isEqualTo("projected");
    assertThat(outcome.printed()).containsPattern("region=eu-west\\s+projected\\s+p50 20\\d\\d-\\d\\d");
  }

  @Test
  void theTruthLiesInsideP10ToP90ForMostProjectedSegments() {
    List<Row> projected = estimates().values().stream().filter(r -> r.<String>getAs("status").equals("projected")).toList();
    long inside = projected.stream().filter(r -> {
      LocalDate expected = YearMonth.parse(truth.get(r.<String>getAs("segment"))).atDay(1);
      return !r.getDate(r.fieldIndex("crossover_month_p10")).toLocalDate().isAfter(expected)
          && !r.getDate(r.fieldIndex("crossover_month_p90")).toLocalDate().isBefore(expected);
    }).count();
    assertThat(inside).as("projected segments whose p10-p90 holds the truth, of " + projected.size())
        .isGreaterThanOrEqualTo(projected.size() - 1);
  }

  @Test
  void reRunningTheForecastGivesIdenticalTables() {
    Map<String, List<String>> before = forecastContent();
    Lakes.Outcome again = Lakes.run(landing, lake, Map.of("spark.crossover.forecast.bootstrap", "200",
        "spark.crossover.forecast.blockMonths", "7"), "forecast", "--run-date", RUN_DATE.toString());
    assertThat(again.exitCode()).isZero();
    Lakes.Outcome back = Lakes.run(landing, lake, Map.of("spark.crossover.forecast.bootstrap", "200"),
        "forecast", "--run-date", RUN_DATE.toString());
    assertThat(back.exitCode()).isZero();
    assertThat(forecastContent()).as("recomputed with the same settings").isEqualTo(before);
  }

  @Test
  void backtestScoresBothModelsAndTheNaiveBaselinesForEverySegmentAndTheMarket() {
    Lakes.Outcome backtest = Lakes.run(landing, lake, Map.of(), "backtest", "--run-date", RUN_DATE.toString());
    assertThat(backtest.exitCode()).as(backtest.printed()).isZero();
    assertThat(backtest.printed()).contains("Backtest (rolling origin").containsPattern("logistic_share\\s+24\\s+0\\.");
    Dataset<Row> metrics = spark.read().format("delta").load(lake.resolve("gold/backtest_metrics").toString());
    assertThat(metrics.select("segment").distinct().count()).isEqualTo(4);
    assertThat(metrics.select("model").distinct().orderBy("model").collectAsList()).extracting(r -> r.getString(0))
        .containsExactly("logistic_share", "loglinear", "naive_last_share", "naive_linear_trend");
    assertThat(metrics.where("model = 'logistic_share' AND drivers = '' AND share_p10 IS NULL").count())
        .as("logistic_share rows without an interval").isZero();
    assertThat(metrics.where("model = 'logistic_share' AND share_p10 > share_p90").count()).isZero();
    Row usEast = metrics.where("segment = 'region=us-east' AND model = 'logistic_share' AND cutoff = DATE'2024-12-01'"
        + " AND horizon_months = 6").first();
    assertThat(usEast.<Integer>getAs("crossover_error_months")).as("us-east crossed, so its error is known").isNotNull();
    assertThat(usEast.<Double>getAs("share_abs_error")).isLessThan(0.15);
  }

  @Test
  void theWeightedFitMatchesSparkMllib() {
    double[] t = {-5, -4, -3, -2, -1, 0};
    double[] y = {-1.2, -0.9, -0.75, -0.4, -0.3, 0.1};
    double[] w = {0.5, 1.0, 2.0, 1.5, 3.0, 2.5};
    LinearFit ours = LinearFit.weighted(t, y, w);
    StructType schema = new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
        .add("label", DataTypes.DoubleType).add("weight", DataTypes.DoubleType);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      rows.add(RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(t[i]), y[i], w[i]));
    }
    Dataset<Row> data = spark.createDataFrame(rows, schema);
    LinearRegressionModel mllib = new LinearRegression().setWeightCol("weight").setSolver("normal")
        .setRegParam(0).setStandardization(false).fit(data);
    Vector slope = mllib.coefficients();
    assertThat(ours.intercept()).isCloseTo(mllib.intercept(), within(1e-9));
    assertThat(ours.slope()).isCloseTo(slope.apply(0), within(1e-9));
  }

  @Test
  void theWeightedFitWithADriverMatchesSparkMllib() {
    double[][] design = {{1, -5, 0.3}, {1, -4, 0.1}, {1, -3, 0.9}, {1, -2, 1.4}, {1, -1, 1.2}, {1, 0, 2.0}, {1, 1, 1.7}};
    double[] y = {-1.2, -0.9, -0.75, -0.4, -0.3, 0.1, 0.3};
    double[] w = {0.5, 1.0, 2.0, 1.5, 3.0, 2.5, 1.0};
    Regression ours = Regression.weighted(design, y, w);
    StructType schema = new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
        .add("label", DataTypes.DoubleType).add("weight", DataTypes.DoubleType);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      rows.add(RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(design[i][1], design[i][2]), y[i], w[i]));
    }
    LinearRegressionModel mllib = new LinearRegression().setWeightCol("weight").setSolver("normal")
        .setRegParam(0).setStandardization(false).fit(spark.createDataFrame(rows, schema));
    assertThat(ours.beta()[0]).isCloseTo(mllib.intercept(), within(1e-9));
    assertThat(ours.beta()[1]).isCloseTo(mllib.coefficients().apply(0), within(1e-9));
    assertThat(ours.beta()[2]).isCloseTo(mllib.coefficients().apply(1), within(1e-9));
  }

  private Map<String, Row> estimates() {
    return spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("model = 'logistic_share' AND as_of = DATE'" + RUN_DATE + "'")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.<String>getAs("segment"), r -> r));
  }

  private Map<String, List<String>> forecastContent() {
    return Map.of(
        "estimate", sorted("gold/crossover_estimate"),
        "forecast", sorted("gold/crossover_forecast"));
  }

  private List<String> sorted(String table) {
    return spark.read().format("delta").load(lake.resolve(table).toString()).drop("run_id")
        .collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
