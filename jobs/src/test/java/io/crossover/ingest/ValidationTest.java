package io.crossover.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossover.SparkTestSession;
import io.crossover.lake.LandingFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every contract rule, by name and line, through the same reader the ingest stage uses. */
class ValidationTest {
  private static final String USAGE_HEADER =
      "event_id,event_time,region,org,chip,device_count,duration_hours,workload,utilization";

  @TempDir Path dir;
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void acceptsAWellFormedUsageEventWithTypedValues() throws IOException {
    Dataset<Row> checked = check(Contracts.USAGE_EVENTS, "ok.csv",
        USAGE_HEADER, "e1,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,Training,0.5");
    Row row = Validation.acceptedRows(Contracts.USAGE_EVENTS, checked).first();
    assertThat(row.<String>getAs("workload")).isEqualTo("training");
    assertThat(row.<Long>getAs("device_count")).isEqualTo(8L);
    assertThat(row.<Double>getAs("duration_hours")).isEqualTo(2.5);
    assertThat(row.<String>getAs("org")).isNull();
    assertThat(row.<Long>getAs("_line")).isEqualTo(2L);
  }

  @Test
  void quarantinesEachUsageRuleWithItsNameAndLine() throws IOException {
    Map<Long, String> rules = firstRuleByLine(Contracts.USAGE_EVENTS, "usage.csv",
        USAGE_HEADER,
        ",2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,0.5",
        "e3,2025-13-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,0.5",
        "e4,2025-03-01 10:00:00,eu-west,,H100 SXM,-8,2.5,training,0.5",
        "e5,2025-03-01 10:00:00,eu-west,,H100 SXM,8,-1,training,0.5",
        "e6,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,1.5",
        "e7,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,gaming,0.5",
        "e8,2025-03-01 10:00:00,eu-west,,H100 SXM,eight,2.5,training,0.5",
        "e9,2025-03-01 10:00:00,eu-west,,H100 SXM,8,NaN,training,0.5",
        "e10,2025-03-01 10:00:00,eu-west,,H100 SXM,8,1e309,training,0.5",
        "e11,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training",
        "e12,2025-03-01 10:00:00,eu-west,,H100 SXM,8,-0,inference,0");
    assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(
        2L, "missing_required_value",
        3L, "unparseable_timestamp",
        4L, "negative_value",
        5L, "negative_value",
        6L, "out_of_range",
        7L, "unknown_workload",
        8L, "unparseable_number",
        9L, "non_finite_number",
        10L, "non_finite_number",
        11L, "malformed_record"));
  }

  @Test
  void quarantinesFundingRulesIncludingImpossibleDatesAndUnknownCurrencies() throws IOException {
    Map<Long, String> rules = firstRuleByLine(Contracts.FUNDING_ROUNDS, "funding.csv",
        "company,announced_on,round_type,amount,currency,post_money_valuation,lead_investors,source_url",
        "Acme,2025-02-30,Seed,100,USD,,,",
        "Acme,2025-02-03,Seed,100,XYZ,,,",
        "Acme,2025-02-03,Seed,-100,USD,,,",
        "Acme,2025-02-03,Seed,100,EUR,,,",
        ",2025-02-03,Seed,100,USD,,,");
    assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(
        2L, "unparseable_date",
        3L, "unknown_currency",
        4L, "negative_value",
        6L, "missing_required_value"));
  }

  @Test
  void quarantinesAnUnknownPeriodAndAnUnknownDesignedFor() throws IOException {
    assertThat(firstRuleByLine(Contracts.CHIP_SUPPLY, "supply.csv",
        "period,vendor,chip,metric,value,unit,estimate_by,source_url",
        "2025-Q5,TSMC,,cowos_wafers_per_month,1,wafers,x,",
        "2025-Q4,TSMC,,cowos_wafers_per_month,1,wafers,x,"))
        .containsExactlyEntriesOf(Map.of(2L, "unparseable_period"));
    assertThat(firstRuleByLine(Contracts.ACCELERATORS, "chips.csv",
        "vendor,chip,bf16_tflops,designed_for",
        "Acme,X1,100,gaming"))
        .containsExactlyEntriesOf(Map.of(2L, "unknown_designed_for"));
  }

  @Test
  void recordsEveryRuleARowBreaksAndKeepsTheRawRecord() throws IOException {
    Dataset<Row> checked = check(Contracts.USAGE_EVENTS, "two.csv",
        USAGE_HEADER, "e1,2025-03-01 10:00:00,eu-west,,H100 SXM,-8,2.5,gaming,0.5");
    Row rejected = Validation.rejectedRows(Contracts.USAGE_EVENTS, checked).first();
    assertThat(rejected.getList(rejected.fieldIndex("rules"))).containsExactly("negative_value", "unknown_workload");
    assertThat(rejected.<String>getAs("detail")).isEqualTo("device_count '-8' must not be negative");
    assertThat(rejected.<String>getAs("raw_record")).isEqualTo("e1,2025-03-01 10:00:00,eu-west,,H100 SXM,-8,2.5,gaming,0.5");
    assertThat(rejected.<String>getAs("source_file")).endsWith("two.csv");
  }

  @Test
  void aHeaderWithoutRequiredColumnsRejectsTheWholeFileWithTheReason() throws IOException {
    Dataset<Row> checked = check(Contracts.USAGE_EVENTS, "semicolons.csv",
        USAGE_HEADER.replace(',', ';'), "e1;2025-03-01 10:00:00;eu-west;;H100 SXM;8;2.5;training;0.5");
    List<Row> rejected = Validation.rejectedRows(Contracts.USAGE_EVENTS, checked).collectAsList();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).<String>getAs("rule")).isEqualTo("unreadable_file");
    assertThat(rejected.get(0).<String>getAs("detail"))
        .startsWith("the header lacks required columns [event_id, event_time").contains("is the delimiter a comma?");
  }

  @Test
  void anEmptyFileIsRecordedAsUnreadable() throws IOException {
    Dataset<Row> checked = check(Contracts.FX_RATES, "empty.csv");
    assertThat(Validation.rejectedRows(Contracts.FX_RATES, checked).first().<String>getAs("detail"))
        .isEqualTo("the file is empty: expected a header row");
  }

  @Test
  void readsJsonLinesAndQuarantinesALineThatIsNotJson() throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"event_id\":\"j1\",\"event_time\":\"2025-03-01T10:00:00Z\",\"region\":\"eu-west\",\"chip\":\"B200\","
            + "\"device_count\":4,\"duration_hours\":1.5,\"workload\":\"inference\",\"utilization\":0.4}",
        "{not json"), StandardCharsets.UTF_8);
    Dataset<Row> checked = Validation.checkRules(Contracts.USAGE_EVENTS,
        LandingReader.read(spark, Contracts.USAGE_EVENTS, List.of(landing(file))));
    assertThat(Validation.acceptedRows(Contracts.USAGE_EVENTS, checked).count()).isEqualTo(1);
    Row rejected = Validation.rejectedRows(Contracts.USAGE_EVENTS, checked).first();
    assertThat(rejected.<String>getAs("rule")).isEqualTo("malformed_record");
    assertThat(rejected.<Long>getAs("line")).isEqualTo(2L);
  }

  @Test
  void quarantinesEachShareEvidenceRuleWithItsName() throws IOException {
    String header = "source,measure,scope,period_start,period_end,kind,relation,inference_share,share_low,share_high,"
        + "published,source_url,status,quote";
    Map<Long, String> rules = firstRuleByLine(Contracts.SHARE_EVIDENCE, "evidence.csv", header,
        "A,compute_share,market,2023-01-01,2023-12-31,observation,=,0.33,,,2025-11,u,estimate,q",
        "B,token_share,market,2023-01-01,2023-12-31,observation,=,0.33,,,2025-11,u,estimate,q",
        "C,spend_share,planet:earth,2023-01-01,2023-12-31,observation,=,0.33,,,2025-11,u,estimate,q",
        "D,spend_share,company:OpenAI,2023-01-01,2023-12-31,guess,=,0.33,,,2025-11,u,estimate,q",
        "E,spend_share,vendor:Nvidia,2023-01-01,2023-12-31,observation,>=,0.33,,,2025-11,u,estimate,q",
        "F,spend_share,segment:iaas,2023-01-01,2023-12-31,observation,=,1.2,,,2025-11,u,estimate,q",
        "G,spend_share,market,2023-01-01,2023-12-31,observation,=,0.3,0.4,0.5,2025-11,u,estimate,q",
        "H,spend_share,market,2023-12-31,2023-01-01,observation,=,0.3,,,2025-11,u,estimate,q",
        "I,spend_share,market,2023-01-01,2023-12-31,observation,=,0.3,,,November 2025,u,estimate,q",
        "J,spend_share,market,2029-01-01,2029-12-31,bound,>=,0.65,,,2025-10-14,u,estimate,q",
        "K,spend_share,market,2029-01-01,2029-12-31,bound,~,0.65,,,2025-10-14,u,estimate,q");
    assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(
        3L, "unknown_measure",
        4L, "unknown_scope",
        5L, "unknown_kind",
        6L, "relation_not_for_kind",
        7L, "out_of_range",
        8L, "share_outside_range",
        9L, "period_end_before_start",
        10L, "unparseable_date_or_month",
        12L, "unknown_relation"));
  }

  @Test
  void readsAnEpochExportByItsHeadingsWithUsDatesScientificNumbersAndMonths() throws IOException {
    Dataset<Row> checked = check(EpochContracts.FUNDING_ROUNDS, "ai_companies_funding_rounds.csv",
        "Id,Company,Close date,Status,Funding (equity),Funding (debt),Valuation (post-money),Report date,Notes,Type",
        "Sep 2025 10B,xAI,,Late discussions,10000000000,,2E+11,9/19/2025,\"Said:",
        "\"\"a $200 billion valuation\"\"\",\"Primary,Debt\"",
        "Apr 2023 27B,OpenAI,4/26/2023,Closed,300000000,,2.7E+10,,,Primary",
        "Odd,OpenAI,2021-07,Closed,1.57E+11,,,0202-07-30,,Primary");
    List<Row> accepted = Validation.acceptedRows(EpochContracts.FUNDING_ROUNDS, checked).orderBy("_line").collectAsList();
    assertThat(accepted).hasSize(2);
    Row first = accepted.get(0);
    assertThat(first.<java.sql.Date>getAs("report_date")).isEqualTo(java.sql.Date.valueOf("2025-09-19"));
    assertThat(first.<Double>getAs("post_money_valuation")).isEqualTo(2e11);
    assertThat(first.<String>getAs("notes")).isEqualTo("Said:\n\"a $200 billion valuation\"");
    assertThat(first.<String>getAs("round_type")).isEqualTo("Primary,Debt");
    assertThat(accepted.get(1).<java.sql.Date>getAs("close_date")).isEqualTo(java.sql.Date.valueOf("2023-04-26"));
    Row rejected = Validation.rejectedRows(EpochContracts.FUNDING_ROUNDS, checked).first();
    assertThat(rejected.<String>getAs("rule")).isEqualTo("implausible_date");
    assertThat(rejected.<String>getAs("detail")).isEqualTo("report_date '0202-07-30' is not between 1900 and 2100");
    assertThat(rejected.<Long>getAs("line")).isEqualTo(5L);
  }

  @Test
  void landsANewerDownloadWithAnExtraColumnAndReorderedColumns() throws IOException {
    Dataset<Row> checked = check(EpochContracts.COMPUTE_SPEND, "ai_companies_compute_spend.csv",
        "Total compute spend,Company,Brand new column,Id,Date,Period type,Inference compute spend,R&D compute spend",
        ",OpenAI,whatever,OpenAI 2024 inference,2024-12-31,Year,1800000000.0,",
        "1.6E+10,OpenAI,,OpenAI 2025 cloud,12/31/2025,Fortnight,,");
    Row landed = Validation.acceptedRows(EpochContracts.COMPUTE_SPEND, checked).first();
    assertThat(landed.<String>getAs("id")).isEqualTo("OpenAI 2024 inference");
    assertThat(landed.<Double>getAs("inference_spend")).isEqualTo(1.8e9);
    assertThat(landed.<String>getAs("period_type")).isEqualTo("year");
    assertThat(landed.<String>getAs("category")).isNull();
    Row rejected = Validation.rejectedRows(EpochContracts.COMPUTE_SPEND, checked).first();
    assertThat(rejected.<String>getAs("rule")).isEqualTo("unknown_period_type");
    assertThat(rejected.<Long>getAs("line")).isEqualTo(3L);
  }

  @Test
  void anEpochFileWithoutARequiredHeadingIsUnreadableNamingTheHeading() throws IOException {
    Row rejected = Validation.rejectedRows(EpochContracts.GPU_CLUSTERS, check(EpochContracts.GPU_CLUSTERS,
        "gpu_clusters.csv", "Name,H100 equivalents", "Colossus,200000")).first();
    assertThat(rejected.<String>getAs("rule")).isEqualTo("unreadable_file");
    assertThat(rejected.<String>getAs("detail")).contains("the header lacks required columns [status]");
  }

  @Test
  void checksAParquetFileInItsOwnTypesAndQuarantinesItsColumnsAsText() throws IOException {
    Path file = parquet("typed", "SELECT * FROM VALUES"
        + " ('p1', TIMESTAMP'2025-03-01 10:00:00', 'eu-west', 'acme', 'H100 SXM', 8, 2.5D, 'Inference', 0.5F),"
        + " ('p2', TIMESTAMP'2025-03-01 11:00:00', 'eu-west', NULL, 'H100 SXM', 8, -1.0D, 'training', 0.5F),"
        + " ('p3', NULL, 'eu-west', NULL, 'H100 SXM', 8, CAST('NaN' AS DOUBLE), 'training', 0.5F)"
        + " AS t(event_id, event_time, region, org, chip, device_count, duration_hours, workload, utilization)");
    Dataset<Row> checked = checkUsage(file);
    Row accepted = Validation.acceptedRows(Contracts.USAGE_EVENTS, checked).first();
    assertThat(accepted.<java.sql.Timestamp>getAs("event_time"))
        .isEqualTo(java.sql.Timestamp.from(java.time.Instant.parse("2025-03-01T10:00:00Z")));
    assertThat(accepted.<Long>getAs("device_count")).isEqualTo(8L);
    assertThat(accepted.<String>getAs("workload")).isEqualTo("inference");
    assertThat(accepted.<Long>getAs("_line")).isEqualTo(1L);
    assertThat(allRulesByLine(checked)).containsExactlyInAnyOrderEntriesOf(Map.of(2L, List.of("negative_value"),
        3L, List.of("missing_required_value", "non_finite_number")));
    assertThat(Validation.rejectedRows(Contracts.USAGE_EVENTS, checked).where("line = 2").first()
        .<String>getAs("raw_record")).isEqualTo("{\"event_id\":\"p2\",\"event_time\":\"2025-03-01 11:00:00\",\"region\":"
        + "\"eu-west\",\"chip\":\"H100 SXM\",\"device_count\":\"8\",\"duration_hours\":\"-1.0\","
        + "\"workload\":\"training\",\"utilization\":\"0.5\"}");
  }

  @Test
  void parsesParquetColumnsOfOtherTypesAsText() throws IOException {
    Path file = parquet("as_text", "SELECT * FROM VALUES"
        + " ('t1', '2025-03-01 10:00:00', 'eu-west', 'H100 SXM', 2.0D, '2.5', 'training', 1),"
        + " ('t2', '2025-03-01 10:00:00', 'eu-west', 'H100 SXM', 2.5D, '2.5', 'training', 1),"
        + " ('t3', 'soon', 'eu-west', 'H100 SXM', 2.0D, 'long', 'training', 2)"
        + " AS t(event_id, event_time, region, chip, device_count, duration_hours, workload, utilization)");
    Dataset<Row> checked = checkUsage(file);
    Row accepted = Validation.acceptedRows(Contracts.USAGE_EVENTS, checked).first();
    assertThat(accepted.<Long>getAs("device_count")).isEqualTo(2L);
    assertThat(accepted.<Double>getAs("duration_hours")).isEqualTo(2.5);
    assertThat(accepted.<Double>getAs("utilization")).isEqualTo(1.0);
    assertThat(allRulesByLine(checked)).containsExactlyInAnyOrderEntriesOf(Map.of(2L, List.of("unparseable_number"),
        3L, List.of("unparseable_timestamp", "unparseable_number", "out_of_range")));
  }

  @Test
  void countsRowsRejectsAndEachRuleBrokenPerFile() throws IOException {
    Path csv = dir.resolve("counted.csv");
    Files.writeString(csv, String.join("\n", USAGE_HEADER,
        "c1,2025-03-01 10:00:00,eu-west,,H100 SXM,-8,-2.5,training,0.5",
        "c2,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,gaming,0.5",
        "c3,2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,training,0.5") + "\n", StandardCharsets.UTF_8);
    Path typed = parquet("counted", "SELECT 'c4' AS event_id, TIMESTAMP'2025-03-01 10:00:00' AS event_time,"
        + " 'eu-west' AS region, 'H100 SXM' AS chip, 8L AS device_count, 2.5D AS duration_hours,"
        + " 'training' AS workload, 0.5D AS utilization");
    Dataset<Row> checked = Validation.checkRules(Contracts.USAGE_EVENTS,
        LandingReader.read(spark, Contracts.USAGE_EVENTS, List.of(landing(csv), landing(typed))));
    Map<String, String> counts = new TreeMap<>();
    for (Row row : Validation.countsPerFile(Contracts.USAGE_EVENTS, checked).collectAsList()) {
      counts.put(Path.of(java.net.URI.create(row.<String>getAs("_source_file")).getPath()).getFileName().toString(),
          row.getAs("rows") + " rows, " + row.getAs("rejected") + " rejected, " + row.getAs("negative_value")
              + " negative, " + row.getAs("unknown_workload") + " unknown workload");
    }
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        "counted.csv", "3 rows, 2 rejected, 2 negative, 1 unknown workload",
        typed.getFileName().toString(), "1 rows, 0 rejected, 0 negative, 0 unknown workload"));
  }

  @Test
  void anEpochContractHoldsOnlyTheFilesOfItsTable() {
    assertThat(EpochContracts.CHIP_SALES.holds("timelines_by_chip.csv")).isTrue();
    assertThat(EpochContracts.CHIP_SALES.holds("cumulative_timelines.csv")).isFalse();
    assertThat(EpochContracts.COMPONENT_SUPPLY.holds("supply_denominators.csv")).isTrue();
    assertThat(EpochContracts.COMPONENT_SUPPLY.holds("cumulative_supply_denominators.csv")).isFalse();
    assertThat(EpochContracts.FUNDING_ROUNDS.holds("AI_Companies_Funding_Rounds.csv")).isTrue();
    assertThat(EpochContracts.ALL.stream().filter(c -> c.holds("ai_companies_revenue_reports.csv"))).isEmpty();
  }

  @Test
  void checkRulesListsMissingAndPresentColumns() {
    Dataset<Row> wrong = spark.sql("SELECT 'x' AS event_id");
    assertThatThrownBy(() -> Validation.checkRules(Contracts.USAGE_EVENTS, wrong))
        .hasMessageStartingWith("Cannot run checkRules(usage_events): missing columns [event_time,")
        .hasMessageContaining("present columns are [event_id]");
  }

  @Test
  void ruleNamesCoverWhatDocsLandingDescribes() {
    assertThat(Validation.ruleNames(Contracts.USAGE_EVENTS)).contains(
        "unreadable_file", "malformed_record", "missing_required_value", "unparseable_timestamp",
        "unparseable_number", "non_finite_number", "negative_value", "out_of_range", "unknown_workload");
  }

  private Map<Long, String> firstRuleByLine(Contract contract, String name, String... lines) throws IOException {
    Map<Long, String> rules = new TreeMap<>();
    for (Row row : Validation.rejectedRows(contract, check(contract, name, lines)).collectAsList()) {
      rules.put(row.getAs("line"), row.getAs("rule"));
    }
    return rules;
  }

  private Dataset<Row> check(Contract contract, String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return Validation.checkRules(contract, LandingReader.read(spark, contract, List.of(landing(file))));
  }

  private Dataset<Row> checkUsage(Path file) throws IOException {
    return Validation.checkRules(Contracts.USAGE_EVENTS,
        LandingReader.read(spark, Contracts.USAGE_EVENTS, List.of(landing(file))));
  }

  private static Map<Long, List<String>> allRulesByLine(Dataset<Row> checked) {
    Map<Long, List<String>> rules = new TreeMap<>();
    for (Row row : Validation.rejectedRows(Contracts.USAGE_EVENTS, checked).collectAsList()) {
      rules.put(row.getAs("line"), row.getList(row.fieldIndex("rules")));
    }
    return rules;
  }

  /** The rows of {@code query} as one Parquet file named {@code name}.parquet, in the columns' own types. */
  private Path parquet(String name, String query) throws IOException {
    Path folder = dir.resolve(name + "-parts");
    spark.sql(query).coalesce(1).write().parquet(folder.toString());
    try (var parts = Files.list(folder)) {
      Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      return Files.move(part, dir.resolve(name + ".parquet"));
    }
  }

  private static LandingFile landing(Path file) throws IOException {
    return new LandingFile(file.toUri().toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }
}
