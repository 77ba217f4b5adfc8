package io.crossover.ingest;

import static io.crossover.ingest.LandingRecords.LINE;
import static io.crossover.ingest.LandingRecords.RAW;
import static io.crossover.ingest.LandingRecords.READ_ERROR;
import static io.crossover.ingest.LandingRecords.READ_RULE;
import static io.crossover.ingest.LandingRecords.SOURCE_FILE;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.crossover.lake.TableSpec;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The contract rules as pure transforms over {@link LandingRecords} rows. Each rule has a name a
 * user finds in quarantine and in docs/landing.md.
 */
public final class Validation {
  public static final String VIOLATIONS = "_violations";
  /** The record as landed, kept only on a row that breaks a rule: its text line, or its columns as JSON. */
  public static final String RAW_RECORD = "_raw_record";
  public static final String MISSING_REQUIRED = "missing_required_value";
  public static final String NEGATIVE = "negative_value";
  public static final String OUT_OF_RANGE = "out_of_range";
  public static final String NOT_FINITE = "non_finite_number";
  public static final String IMPLAUSIBLE_DATE = "implausible_date";
  private static final int EARLIEST_YEAR = 1900;
  private static final int LATEST_YEAR = 2100;
  /** What each ingest rule means, for docs/landing.md. */
  public static final Map<String, String> RULES = rules(
      LandingRecords.UNREADABLE_FILE, "The whole file's content cannot be parsed: empty, a header without"
          + " the required columns (often the wrong delimiter), bytes that are not Parquet, or a Parquet file of"
          + " another schema. One quarantine row (line 0 or the header line) names the reason; the run goes on"
          + " with other files. A store that fails to serve the file is not this rule: the run exits 1.",
      LandingRecords.MALFORMED_RECORD, "A CSV record with a different number of fields than the header, or"
          + " a JSON line that is not an object.",
      MISSING_REQUIRED, "A required column is empty.",
      "unparseable_date", "Not a real date as yyyy-MM-dd (2025-02-30 is rejected); in an Epoch AI export,"
          + " M/D/YYYY and a month yyyy-MM (its first day) are accepted too.",
      IMPLAUSIBLE_DATE, "A date before 1900 or after 2100, such as a report date 0202-07-30: a typo whose"
          + " intended year cannot be known.",
      "unparseable_date_or_month", "Not a date (yyyy-MM-dd) or a month (yyyy-MM).",
      "unparseable_timestamp", "Not a timestamp (yyyy-MM-dd HH:mm:ss or ISO 8601; read as UTC).",
      "unparseable_number", "Not a number (or, for whole-number columns, not a whole number).",
      NOT_FINITE, "NaN, Infinity, or a number too large for a double (1e309).",
      "unparseable_period", "Not a period as yyyy, yyyy-Qn or yyyy-MM.",
      "unknown_currency", "Not an ISO 4217 currency code.",
      NEGATIVE, "Below zero where only zero or more makes sense (amounts, counts, durations).",
      OUT_OF_RANGE, "Outside the column's range (utilization and inference_share 0..1, launch_year 1990..2100).",
      "unknown_<column>", "A value outside the column's list (workload, designed_for, kind, status, measure,"
          + " relation) or its pattern (scope: market, company:<name>, vendor:<name> or segment:<name>).");

  private static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
  private static final String US_DATE = "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$";
  private static final String PERIOD_PATTERN = "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$";
  private static final List<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList();

  private Validation() {}

  /** Rule name for a value outside a field's allowed list, e.g. {@code unknown_workload}. */
  public static String unknownValueRule(Field field) {
    return "unknown_" + field.name();
  }

  /** Checks each group of landed records (see {@link LandingReader#read}) and unions what they give. */
  public static Dataset<Row> checkRules(Contract contract, List<Dataset<Row>> groups) {
    return groups.stream().map(group -> checkRules(contract, group)).reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no landed records to check for " + contract.dataset()));
  }

  /**
   * Each field's typed value (as {@code <name>__parsed}), where the row came from, {@link #VIOLATIONS}
   * (the rules it breaks, in contract order, as rule, column, detail; null when it breaks none) and, for a row that breaks one,
   * its raw record ({@link #RAW_RECORD}). A column landed in a type its field accepts (a Parquet
   * timestamp, double or long) is used as it is; any other is read as text.
   */
  public static Dataset<Row> checkRules(Contract contract, Dataset<Row> records) {
    TableSpec.requireColumns(records, "checkRules(" + contract.dataset() + ")",
        LandingRecords.schema(contract).fieldNames());
    StructType landed = records.schema();
    Map<String, Column> rawText = new LinkedHashMap<>();
    List<Check> checks = new ArrayList<>();
    Dataset<Row> parsed = records;
    for (Field field : contract.fields()) {
      DataType type = landed.apply(field.name()).dataType();
      Column raw = col(field.name());
      rawText.put(field.name(), type instanceof StringType ? raw : raw.cast(DataTypes.StringType));
      parsed = parsed.withColumn(parsedName(field), parse(field, raw, type));
      checks.addAll(fieldChecks(field, rawText.get(field.name())));
    }
    for (RowRule rule : contract.rowRules()) {
      checks.add(rowRuleCheck(contract, rule, rawText));
    }
    Column readProblem = violation(col(READ_RULE).isNotNull(), col(READ_RULE), lit(null), col(READ_ERROR)).entry();
    Column fieldProblems = array_compact(array(checks.stream().map(Check::entry).toArray(Column[]::new)));
    // The rules as plain conditions first: a row that breaks none (nearly all) builds no array of problems.
    Column rejected = col(READ_RULE).isNotNull().or(coalesce(
        checks.stream().map(Check::broken).reduce(Column::or).orElse(lit(false)), lit(false)));
    Column rawRecord = coalesce(col(RAW), to_json(struct(rawText.entrySet().stream()
        .map(e -> e.getValue().as(e.getKey())).toArray(Column[]::new))));
    List<Column> kept = new ArrayList<>();
    contract.fields().forEach(field -> kept.add(col(parsedName(field))));
    kept.addAll(List.of(col(SOURCE_FILE), col(LINE), col(VIOLATIONS),
        when(col(VIOLATIONS).isNotNull(), rawRecord).as(RAW_RECORD)));
    return parsed.withColumn(VIOLATIONS,
            when(rejected, when(col(READ_RULE).isNotNull(), array(readProblem)).otherwise(fieldProblems)))
        .select(kept.toArray(Column[]::new));
  }

  /** Rows that broke no rule, with the contract's typed columns and where each came from. */
  public static Dataset<Row> acceptedRows(Contract contract, Dataset<Row> checked) {
    List<Column> columns = new ArrayList<>();
    for (Field field : contract.fields()) {
      columns.add(col(parsedName(field)).as(field.name()));
    }
    columns.add(col(SOURCE_FILE));
    columns.add(col(LINE));
    return checked.where(col(VIOLATIONS).isNull()).select(columns.toArray(Column[]::new));
  }

  /**
   * Rows that broke a rule: the first rule, every rule, the file, the line and the raw record (for a
   * Parquet row, which has no text of its own, its contract columns as JSON text).
   */
  public static Dataset<Row> rejectedRows(Contract contract, Dataset<Row> checked) {
    Column first = element_at(col(VIOLATIONS), 1);
    return checked.where(col(VIOLATIONS).isNotNull()).select(
        lit(contract.dataset()).as("dataset"),
        first.getField("rule").as("rule"),
        first.getField("column").as("column"),
        first.getField("detail").as("detail"),
        transform(col(VIOLATIONS), v -> v.getField("rule")).as("rules"),
        col(SOURCE_FILE).as("source_file"),
        col(LINE).as("line"),
        col(RAW_RECORD).as("raw_record"));
  }

  /**
   * Per source file: its rows ({@code rows}), the rows that broke a rule ({@code rejected}) and, for
   * each of the contract's {@link #ruleNames}, how often it was broken (a column named after the rule),
   * all in one aggregation so the checked rows are read once to count them.
   */
  public static Dataset<Row> countsPerFile(Contract contract, Dataset<Row> checked) {
    List<Column> counts = new ArrayList<>(List.of(
        count(lit(1)).as("rows"), sum(when(col(VIOLATIONS).isNotNull(), 1L).otherwise(0L)).as("rejected")));
    for (String rule : ruleNames(contract)) {
      counts.add(sum(when(col(VIOLATIONS).isNotNull(),
          size(filter(col(VIOLATIONS), v -> v.getField("rule").equalTo(rule))).cast(DataTypes.LongType))
          .otherwise(0L)).as(rule));
    }
    return checked.groupBy(col(SOURCE_FILE))
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));
  }

  /** Every rule name a contract can report, for metrics with zero failures and for the docs. */
  public static List<String> ruleNames(Contract contract) {
    List<String> names = new ArrayList<>(List.of(LandingRecords.UNREADABLE_FILE, LandingRecords.MALFORMED_RECORD));
    for (Field field : contract.fields()) {
      for (String rule : fieldRuleNames(field)) {
        if (!names.contains(rule)) {
          names.add(rule);
        }
      }
    }
    contract.rowRules().forEach(rule -> names.add(rule.name()));
    return names;
  }

  /** The rules one field can break, in the order they are checked. */
  public static List<String> fieldRuleNames(Field field) {
    List<String> rules = new ArrayList<>();
    if (field.required()) {
      rules.add(MISSING_REQUIRED);
    }
    if (field.type().parseRule() != null) {
      rules.add(field.type().parseRule());
    }
    if (field.type().isDate()) {
      rules.add(IMPLAUSIBLE_DATE);
    }
    if (isNumber(field)) {
      rules.add(NOT_FINITE);
    }
    if (field.min() != null && field.min() == 0.0 && field.max() == null) {
      rules.add(NEGATIVE);
    } else if (field.min() != null || field.max() != null) {
      rules.add(OUT_OF_RANGE);
    }
    if (field.isRestricted()) {
      rules.add(unknownValueRule(field));
    }
    return rules;
  }

  private static List<Check> fieldChecks(Field field, Column raw) {
    Column value = col(parsedName(field));
    List<Check> checks = new ArrayList<>();
    String name = field.name();
    if (field.required()) {
      checks.add(violation(raw.isNull(), lit(MISSING_REQUIRED), lit(name), lit(name + " is empty")));
    }
    if (field.type().parseRule() != null) {
      Column unparsed = raw.isNotNull().and(value.isNull());
      checks.add(violation(unparsed, lit(field.type().parseRule()), lit(name),
          concat(lit(name + " '"), raw, lit("' is not a " + describe(field.type())))));
    }
    if (field.type().isDate()) {
      Column implausible = value.isNotNull()
          .and(year(value).lt(EARLIEST_YEAR).or(year(value).gt(LATEST_YEAR)));
      checks.add(violation(implausible, lit(IMPLAUSIBLE_DATE), lit(name),
          concat(lit(name + " '"), raw, lit("' is not between " + EARLIEST_YEAR + " and " + LATEST_YEAR))));
    }
    if (isNumber(field)) {
      Column nonFinite = value.isNotNull().and(isnan(value)
          .or(value.equalTo(Double.POSITIVE_INFINITY)).or(value.equalTo(Double.NEGATIVE_INFINITY)));
      checks.add(violation(nonFinite, lit(NOT_FINITE), lit(name),
          concat(lit(name + " '"), raw, lit("' is not a finite number"))));
    }
    if (field.min() != null || field.max() != null) {
      Column below = field.min() == null ? lit(false) : value.lt(field.min());
      Column above = field.max() == null ? lit(false) : value.gt(field.max());
      boolean onlyNonNegative = field.min() != null && field.min() == 0.0 && field.max() == null;
      String rule = onlyNonNegative ? NEGATIVE : OUT_OF_RANGE;
      String bounds = onlyNonNegative ? "must not be negative"
          : "must be between " + field.min() + " and " + field.max();
      checks.add(violation(value.isNotNull().and(below.or(above)), lit(rule), lit(name),
          concat(lit(name + " '"), raw, lit("' " + bounds))));
    }
    if (field.isRestricted()) {
      String expected = field.allowed().isEmpty() ? "does not match " + field.pattern() : "is not one of " + field.allowed();
      checks.add(violation(raw.isNotNull().and(value.isNull()), lit(unknownValueRule(field)), lit(name),
          concat(lit(name + " '"), raw, lit("' " + expected))));
    }
    return checks;
  }

  private static Column parse(Field field, Column raw, DataType landed) {
    if (landed instanceof StringType) {
      return parseText(field, raw);
    }
    Column typed = typedValue(field.type(), raw, landed);
    return typed != null ? typed : parseText(field, raw.cast(DataTypes.StringType));
  }

  /** A value landed in a type the field accepts, converted without text; null when only text will do. */
  private static Column typedValue(FieldType type, Column raw, DataType landed) {
    boolean integral = List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType)
        .contains(landed);
    boolean numeric = landed instanceof NumericType;
    return switch (type) {
      case NUMBER -> numeric ? raw.cast(DataTypes.DoubleType) : null;
      case WHOLE_NUMBER -> integral ? raw.cast(DataTypes.LongType)
          : numeric ? when(raw.equalTo(floor(raw)).and(abs(raw).lt(9.0e18)), raw.cast(DataTypes.LongType)) : null;
      case TIMESTAMP -> landed instanceof TimestampType ? raw
          : landed instanceof TimestampNTZType || landed instanceof DateType ? raw.cast(DataTypes.TimestampType) : null;
      case DATE, EXPORT_DATE -> landed instanceof DateType ? raw : null;
      default -> null;
    };
  }

  private static Column parseText(Field field, Column raw) {
    Column text = trim(raw);
    Column parsed = switch (field.type()) {
      case TEXT -> field.allowed().isEmpty() ? raw : lower(text);
      case DATE -> try_to_date(text, "yyyy-MM-dd");
      case EXPORT_DATE -> when(text.rlike(ISO_DATE), try_to_date(text, "yyyy-MM-dd"))
          .when(text.rlike(US_DATE), try_to_date(text, "M/d/yyyy"))
          .when(text.rlike(MONTH), try_to_date(concat(text, lit("-01")), "yyyy-MM-dd"));
      case DATE_OR_MONTH -> when(text.rlike(ISO_DATE).and(try_to_date(text, "yyyy-MM-dd").isNotNull()), text)
          .when(text.rlike(MONTH), text);
      case TIMESTAMP -> try_to_timestamp(text);
      case NUMBER -> text.try_cast(DataTypes.DoubleType);
      case WHOLE_NUMBER -> {
        Column number = text.try_cast(DataTypes.DoubleType);
        yield when(number.equalTo(floor(number)).and(abs(number).lt(9.0e18)),
            number.try_cast(DataTypes.LongType));
      }
      case PERIOD -> when(upper(text).rlike(PERIOD_PATTERN), upper(text));
      case CURRENCY -> when(upper(text).isin(CURRENCIES.toArray()), upper(text));
    };
    if (!field.allowed().isEmpty()) {
      parsed = when(parsed.isin(field.allowed().toArray()), parsed);
    }
    if (field.pattern() != null) {
      parsed = when(text.rlike("(?i)^(" + field.pattern() + ")$"), parsed);
    }
    return parsed;
  }

  private static Check rowRuleCheck(Contract contract, RowRule rule, Map<String, Column> rawText) {
    java.util.function.Function<String, Column> typed = column -> col(parsedName(field(contract, column)));
    List<Column> detail = new ArrayList<>(List.of(lit(rule.meaning() + ": ")));
    for (String column : rule.columns()) {
      if (detail.size() > 1) {
        detail.add(lit(", "));
      }
      detail.add(concat(lit(column + "="), coalesce(rawText.get(column), lit("(empty)"))));
    }
    return violation(rule.check().broken(typed), lit(rule.name()), lit(String.join(",", rule.columns())),
        concat(detail.toArray(Column[]::new)));
  }

  private static Field field(Contract contract, String name) {
    return contract.fields().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("rule of " + contract.dataset() + " reads unknown column " + name));
  }

  private static Map<String, String> rules(String... nameThenMeaning) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (int i = 0; i < nameThenMeaning.length; i += 2) {
      rules.put(nameThenMeaning[i], nameThenMeaning[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(rules);
  }

  /** A rule over a row: when it is broken, and the problem it then adds to {@link #VIOLATIONS}. */
  private record Check(Column broken, Column entry) {}

  private static Check violation(Column broken, Column rule, Column column, Column detail) {
    return new Check(broken, when(broken, struct(rule.as("rule"), column.cast(DataTypes.StringType).as("column"),
        coalesce(detail, lit("")).as("detail"))));
  }

  private static boolean isNumber(Field field) {
    return field.type() == FieldType.NUMBER;
  }

  private static String describe(FieldType type) {
    return switch (type) {
      case DATE -> "date (yyyy-MM-dd)";
      case EXPORT_DATE -> "date (yyyy-MM-dd or M/D/YYYY)";
      case DATE_OR_MONTH -> "date (yyyy-MM-dd) or month (yyyy-MM)";
      case TIMESTAMP -> "timestamp (yyyy-MM-dd HH:mm:ss or ISO 8601, UTC)";
      case NUMBER -> "number";
      case WHOLE_NUMBER -> "whole number";
      case PERIOD -> "period (yyyy, yyyy-Qn or yyyy-MM)";
      case CURRENCY -> "ISO 4217 currency code";
      case TEXT -> "text";
    };
  }

  static String parsedName(Field field) {
    return field.name() + "__parsed";
  }
}
