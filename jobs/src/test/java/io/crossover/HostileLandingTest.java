package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A landing folder of hostile files beside a small good one: every rule of docs/landing.md broken at
 * least once, and files that cannot be read at all. Each bad row lands in quarantine with its rule,
 * file and line; every good row reaches silver; an unreadable file costs one quarantine row and the
 * run goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLandingTest {
  private static final String USAGE_HEADER =
      "event_id,event_time,region,org,chip,device_count,duration_hours,workload,utilization";
  private static final String GOOD = "2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,0.5";
  private static final Map<String, String> TOLERANT = Map.of("spark.crossover.quality.maxRejectRatio", "0.6");

  private final SparkSession spark = SparkTestSession.get();
  private Path landing;
  private Path lake;
  private Lakes.Outcome run;

  @BeforeAll
  void runOnAHostileLanding() throws IOException {
    landing = Files.createTempDirectory("crossover-hostile-landing");
    lake = Files.createTempDirectory("crossover-hostile-lake");
    Lakes.smallLanding(landing);
    writeHostileFiles(landing);
    run = Lakes.run(landing, lake, TOLERANT, "run", "--run-date", "2026-01-15");
  }

  private static void writeHostileFiles(Path landing) throws IOException {
    Path usage = landing.resolve("usage_events");
    // A byte order mark, Windows line ends, a quoted field holding a comma and a line break, non-Latin
    // text, and each usage rule broken once (line numbers in the comments of the expectations below).
    String rules = "\uFEFF" + String.join("\r\n",
        USAGE_HEADER,
        "q1,2025-03-01 10:00:00,eu-west,\"Acme, Inc.\r\nLabs\",H100 SXM,8,2.5,training,0.5",
        "q2,2025-03-02 10:00:00,ap-東京,深度求索,H100 SXM,4,1.0,inference,0.25",
        "," + GOOD,
        "q4,2025-02-30 10:00:00,eu-west,,H100 SXM,8,2.5,training,0.5",
        "q5,2025-03-01 10:00:00,eu-west,,H100 SXM,-8,2.5,training,0.5",
        "q6,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,1.5",
        "q7,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,gaming,0.5",
        "q8,2025-03-01 10:00:00,eu-west,,H100 SXM,eight,2.5,training,0.5",
        "q9,2025-03-01 10:00:00,eu-west,,H100 SXM,8,NaN,training,0.5",
        "q10,2025-03-01 10:00:00,eu-west,,H100 SXM,8,1e309,training,0.5",
        "q11,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training",
        "q12,2025-03-01 10:00:00,eu-west,,H100 SXM,-0,-0,inference,0",
        "q13,2025-03-01 10:00:00,eu-west,,TPU v99,8,2.5,training,0.5") + "\r\n";
    Files.writeString(usage.resolve("hostile_rules.csv"), rules, StandardCharsets.UTF_8);
    Files.writeString(usage.resolve("truncated.csv"),
        USAGE_HEADER + "\nt1," + GOOD + "\nt2," + GOOD + "\nt3,2025-03-01 10:0", StandardCharsets.UTF_8);
    Files.writeString(usage.resolve("missing_column.csv"),
        USAGE_HEADER.replace(",utilization", "") + "\nm1,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training\n");
    Files.writeString(usage.resolve("extra_column.csv"), USAGE_HEADER + ",note\nx1," + GOOD + ",extra\n");
    Files.writeString(usage.resolve("semicolons.csv"),
        USAGE_HEADER.replace(',', ';') + "\ns1;" + GOOD.replace(',', ';') + "\n");
    Files.writeString(usage.resolve("huge_line.csv"),
        USAGE_HEADER + "\nh1," + GOOD + "\n" + "x".repeat(10 * 1024 * 1024) + "\n");
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    Files.write(usage.resolve("garbage.csv"), garbage);
    Files.writeString(usage.resolve("empty.csv"), "");
    SparkTestSession.get().range(3).selectExpr("id AS a", "'b' AS b").coalesce(1).write()
        .parquet(landing.resolve("parquet-tmp").toString());
    try (var parts = Files.list(landing.resolve("parquet-tmp"))) {
      Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.move(part, usage.resolve("wrong_schema.parquet"));
    }
    try (var leftovers = Files.walk(landing.resolve("parquet-tmp"))) {
      for (Path leftover : leftovers.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(leftover);
      }
    }

    Files.writeString(landing.resolve("funding_rounds/hostile_funding.csv"), String.join("\n",
        "company,announced_on,round_type,amount,currency,post_money_valuation,lead_investors,source_url,status,notes",
        "深度求索,2025-01-10,Seed,1000000,USD,,,,confirmed,",
        "Feb Corp,2025-02-30,Seed,1000000,USD,,,,confirmed,",
        "Xyz Corp,2025-01-10,Seed,1000000,XYZ,,,,confirmed,",
        "Huge Corp,2025-01-10,Seed,1e309,USD,,,,confirmed,",
        "Rumor Corp,2025-01-10,Seed,1000000,USD,,,,rumor,",
        "Franc Corp,2025-01-10,Seed,1000000,CHF,,,,confirmed,",
        "Minus Corp,2025-01-10,Seed,-5,USD,,,,confirmed,") + "\n");
    Files.writeString(landing.resolve("valuations/hostile_valuations.csv"),
        "company,as_of,valuation,currency,kind,source_url,status,notes\nOdd Corp,2025-01-10,1000,USD,rumour,,,\n");
    Files.writeString(landing.resolve("accelerators/hostile_accelerators.csv"), String.join("\n",
        "vendor,chip,launch_year,foundry,process_node,hbm_gb,mem_bw_tbps,bf16_tflops,fp8_tflops,tdp_w,designed_for,source_url,status,notes",
        "Acme,Gamer 1,2024,TSMC,5nm,24,1.0,100,,300,gaming,,,",
        "Acme,Relic 1,1900,TSMC,5nm,24,1.0,100,,300,training,,,") + "\n");
    Files.writeString(landing.resolve("chip_supply/hostile_supply.csv"), String.join("\n",
        "period,vendor,chip,metric,value,unit,estimate_by,source_url,status,notes",
        "sometime,TSMC,,cowos_wafers_per_month,1000,wafers/month,Someone,,estimate,") + "\n");
  }

  @Test
  void theRunGoesOnPastUnreadableFiles() {
    assertThat(run.exitCode()).as(run.printed()).isZero();
  }

  @Test
  void everyBadRowIsQuarantinedWithItsRuleFileAndLine() {
    Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("usage_events|hostile_rules.csv|5|missing_required_value", 1L),
        Map.entry("usage_events|hostile_rules.csv|6|unparseable_timestamp", 1L),
        Map.entry("usage_events|hostile_rules.csv|7|negative_value", 1L),
        Map.entry("usage_events|hostile_rules.csv|8|out_of_range", 1L),
        Map.entry("usage_events|hostile_rules.csv|9|unknown_workload", 1L),
        Map.entry("usage_events|hostile_rules.csv|10|unparseable_number", 1L),
        Map.entry("usage_events|hostile_rules.csv|11|non_finite_number", 1L),
        Map.entry("usage_events|hostile_rules.csv|12|non_finite_number", 1L),
        Map.entry("usage_events|hostile_rules.csv|13|malformed_record", 1L),
        Map.entry("usage_events|hostile_rules.csv|15|unknown_chip", 1L),
        Map.entry("usage_events|truncated.csv|4|malformed_record", 1L),
        Map.entry("usage_events|huge_line.csv|3|malformed_record", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|3|unparseable_date", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|4|unknown_currency", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|5|non_finite_number", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|6|unknown_status", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|7|no_fx_rate", 1L),
        Map.entry("funding_rounds|hostile_funding.csv|8|negative_value", 1L),
        Map.entry("valuations|hostile_valuations.csv|2|unknown_kind", 1L),
        Map.entry("accelerators|hostile_accelerators.csv|2|unknown_designed_for", 1L),
        Map.entry("accelerators|hostile_accelerators.csv|3|out_of_range", 1L),
        Map.entry("chip_supply|hostile_supply.csv|2|unparseable_period", 1L)));
    Map<String, Long> quarantined = new TreeMap<>();
    for (Row row : quarantine().where("rule <> 'unreadable_file' AND source_file NOT LIKE '%/accelerators.csv'")
        .collectAsList()) {
      String file = Path.of(row.<String>getAs("source_file")).getFileName().toString();
      quarantined.merge(String.join("|", row.getAs("dataset"), file, String.valueOf(row.<Long>getAs("line")),
          row.getAs("rule")), 1L, Long::sum);
    }
    assertThat(quarantined).isEqualTo(expected);
  }

  @Test
  void aFileThatCannotBeReadIsRecordedOnceWithTheReason() {
    Map<String, String> reasons = new TreeMap<>();
    for (Row row : quarantine().where("rule = 'unreadable_file'").collectAsList()) {
      reasons.put(Path.of(row.<String>getAs("source_file")).getFileName().toString(), row.getAs("detail"));
    }
    assertThat(reasons).containsOnlyKeys("missing_column.csv", "semicolons.csv", "garbage.csv", "empty.csv",
        "wrong_schema.parquet");
    assertThat(reasons.get("missing_column.csv")).contains("lacks required columns [utilization]");
    assertThat(reasons.get("semicolons.csv")).contains("is the delimiter a comma?");
    assertThat(reasons.get("empty.csv")).isEqualTo("the file is empty: expected a header row");
    assertThat(reasons.get("wrong_schema.parquet")).contains("the Parquet schema lacks required columns").contains("event_id");
    assertThat(quarantine().where("rule = 'unreadable_file'").count()).isEqualTo(5);
  }

  @Test
  void everyGoodRowReachesSilverUnchanged() throws IOException {
    Map<String, String> orgs = new TreeMap<>();
    for (Row row : spark.read().format("delta").load(lake.resolve("silver/usage_events").toString())
        .where("event_id IN ('q1', 'q2', 'q12', 't1', 't2', 'x1', 'h1')").collectAsList()) {
      orgs.put(row.getAs("event_id"), String.valueOf(row.<String>getAs("org")) + "@" + row.getAs("region"));
    }
    assertThat(orgs).containsExactlyInAnyOrderEntriesOf(Map.of(
        "q1", "Acme, Inc.\r\nLabs@eu-west", "q2", "深度求索@ap-東京", "q12", "null@eu-west",
        "t1", "null@eu-west", "t2", "null@eu-west", "x1", "null@eu-west", "h1", "null@eu-west"));
    long generated = spark.read().format("delta").load(lake.resolve("bronze/usage_events").toString())
        .where(org.apache.spark.sql.functions.col("_source_file").contains("/usage_events_")).count();
    long landed = 0;
    try (var files = Files.list(landing.resolve("usage_events"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("usage_events_")).toList()) {
        landed += Files.readAllLines(file).size() - 1;
      }
    }
    assertThat(generated).as("the generated good events beside the hostile files").isEqualTo(landed).isPositive();
    assertThat(spark.read().format("delta").load(lake.resolve("silver/funding_rounds").toString())
        .where("company = '深度求索'").count()).isEqualTo(1);
  }

  @Test
  void pastTheRejectRatioTheStageExitsThreeNamingTheDataset() {
    Path strictLake = lake.resolveSibling(lake.getFileName() + "-strict");
    Lakes.Outcome strict = Lakes.run(landing, strictLake, Map.of("spark.crossover.quality.minRejects", "5"),
        "ingest", "--run-date", "2026-01-15");
    assertThat(strict.exitCode()).as(strict.printed()).isEqualTo(3);
    assertThat(strict.printed()).contains("Cannot accept funding_rounds: 5 of 42 rows rejected")
        .contains("above spark.crossover.quality.maxRejectRatio=0.05");
  }

  @Test
  void aLandingFolderThatDoesNotExistExitsTwoNamingTheSetting() {
    Lakes.Outcome missing = Lakes.run(landing.resolve("no-such-folder"), lake, Map.of(), "ingest");
    assertThat(missing.exitCode()).as(missing.printed()).isEqualTo(2);
    assertThat(missing.printed()).contains("Cannot read landing files").contains("no-such-folder")
        .contains("spark.crossover.landing");
  }

  private org.apache.spark.sql.Dataset<Row> quarantine() {
    org.apache.spark.sql.Dataset<Row> all = null;
    for (String dataset : List.of("usage_events", "funding_rounds", "valuations", "accelerators", "chip_supply")) {
      org.apache.spark.sql.Dataset<Row> rows = spark.read().format("delta")
          .load(lake.resolve("quarantine/" + dataset).toString());
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }
}
