package io.crossover.lake;

import static org.apache.spark.sql.functions.col;

import io.crossover.errors.Errors;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A lake table: where it lives under the lake root, what one row means and its columns. Each
 * stage declares the tables it writes as constants beside it; docs/tables.md is checked against
 * them.
 *
 * @param name path under the lake root, e.g. {@code gold/demand_monthly}
 * @param grain what one row is, e.g. "month x segment x workload"
 * @param partitionColumns Delta partition columns, empty for none
 * @param owner the stage (or stages) that write the table
 * @param refresh how often the owner rewrites it when scheduled as in airflow/dags: {@link #DAILY} or {@link #WEEKLY}
 */
public record TableSpec(String name, String grain, String description, List<ColumnSpec> columns,
    List<String> partitionColumns, String owner, String refresh) {
  public static final String DAILY = "daily";
  public static final String WEEKLY = "weekly";
  /** Table property keys BI tools and catalogs show beside the table's comment (its description). */
  public static final String OWNER_PROPERTY = "crossover.owner_stage";
  public static final String GRAIN_PROPERTY = "crossover.grain";
  public static final String REFRESH_PROPERTY = "crossover.refresh";

  public TableSpec(String name, String grain, String description, List<ColumnSpec> columns) {
    this(name, grain, description, columns, List.of(), "", "");
  }

  public static TableSpec table(String name, String grain, String description, ColumnSpec... columns) {
    return new TableSpec(name, grain, description, List.of(columns));
  }

  /** The same table, laid out in one folder per value of {@code columns}. */
  public TableSpec partitionedBy(String... columns) {
    return new TableSpec(name, grain, description, this.columns, List.of(columns), owner, refresh);
  }

  /** The same table, written by {@code stage} at the {@code refresh} cadence. */
  public TableSpec ownedBy(String stage, String refresh) {
    return new TableSpec(name, grain, description, columns, partitionColumns, stage, refresh);
  }

  /** The Delta table properties the lake keeps on the table: comment (the description), owner, grain, refresh. */
  public java.util.Map<String, String> properties() {
    java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put("comment", description);
    properties.put(OWNER_PROPERTY, owner);
    properties.put(GRAIN_PROPERTY, grain);
    properties.put(REFRESH_PROPERTY, refresh);
    return properties;
  }

  public StructType schema() {
    return new StructType(columns.stream().map(ColumnSpec::field).toArray(StructField[]::new));
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** Selects the declared columns, in order and with their types and comments. */
  public Dataset<Row> conform(Dataset<Row> rows) {
    requireColumns(rows, "write " + name, columnNames().toArray(String[]::new));
    Column[] projection =
        columns.stream()
            .map(c -> col(c.name()).cast(c.type()).as(c.name(), c.field().metadata()))
            .toArray(Column[]::new);
    return rows.select(projection);
  }

  /** Fails with the missing and the present columns when {@code rows} lacks any of {@code needed}. */
  public static void requireColumns(Dataset<Row> rows, String transform, String... needed) {
    Set<String> present = Arrays.stream(rows.columns()).collect(Collectors.toSet());
    List<String> missing = Arrays.stream(needed).filter(n -> !present.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(transform, missing, Arrays.asList(rows.columns()));
    }
  }
}
