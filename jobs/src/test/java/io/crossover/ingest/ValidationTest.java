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

  private static LandingFile landing(Path file) throws IOException {
    return new LandingFile(file.toUri().toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }
}
