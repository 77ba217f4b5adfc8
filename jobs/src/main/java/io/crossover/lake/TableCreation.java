package io.crossover.lake;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a lake table is laid out when written: its declared columns and partitions, and its
 * properties (comment, owner, grain, refresh) set in its first commit and kept up to date.
 */
final class TableCreation {
  private static final Logger LOG = LoggerFactory.getLogger(TableCreation.class);
  private final SparkSession spark;

  TableCreation(SparkSession spark) {
    this.spark = spark;
  }

  /** The rows in the table's declared columns; a partitioned table's in one task (so one file) per partition value. */
  static Dataset<Row> conformed(TableSpec table, Dataset<Row> rows) {
    Dataset<Row> conformed = table.conform(rows);
    if (table.partitionColumns().isEmpty()) {
      return conformed;
    }
    return conformed.repartition(table.partitionColumns().stream().map(functions::col).toArray(Column[]::new));
  }

  static org.apache.spark.sql.DataFrameWriter<Row> writer(TableSpec table, Dataset<Row> conformed) {
    return conformed.write().format("delta").partitionBy(table.partitionColumns().toArray(String[]::new));
  }

  /**
   * Creates a table that does not exist yet from {@code conformed}, with its properties (comment,
   * owner, grain, refresh) in the same first commit; on an existing table, brings its properties
   * up to date (one commit, only when they changed) and returns false for the caller to write.
   */
  boolean createOrUpdate(TableSpec table, String location, Dataset<Row> conformed, String inputs) {
    if (DeltaTable.isDeltaTable(spark, location)) {
      updateProperties(table, location);
      return false;
    }
    // A create-table-as-select takes its commit's userMetadata from the session, not from an option. A
    // session of its own (reading the rows through a global view) keeps it from other threads' creates.
    SparkSession own = spark.newSession();
    own.conf().set("spark.databricks.delta.commitInfo.userMetadata", inputs);
    String view = "crossover_create_" + java.util.UUID.randomUUID().toString().replace("-", "");
    conformed.createOrReplaceGlobalTempView(view);
    try {
      var create = own.table(spark.conf().get("spark.sql.globalTempDatabase") + "." + view)
          .writeTo(sqlName(location)).using("delta");
      if (!table.partitionColumns().isEmpty()) {
        List<Column> by = table.partitionColumns().stream().map(functions::col).toList();
        create = create.partitionedBy(by.get(0), by.subList(1, by.size()).toArray(Column[]::new));
      }
      for (Map.Entry<String, String> property : table.properties().entrySet()) {
        create = create.tableProperty(property.getKey(), property.getValue());
      }
      create.create();
      return true;
    } catch (org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException e) {
      LOG.info("{} was created by another run meanwhile; writing into it", table.name());
      return false;
    } finally {
      spark.catalog().dropGlobalTempView(view);
    }
  }

  private void updateProperties(TableSpec table, String location) {
    Row detail = DeltaTable.forPath(spark, location).detail().select("properties", "description").first();
    Map<String, String> current = new java.util.HashMap<>(detail.isNullAt(0) ? Map.of() : detail.getJavaMap(0));
    if (!detail.isNullAt(1)) {
      current.put("comment", detail.getString(1));
    }
    String stale = table.properties().entrySet().stream()
        .filter(p -> !p.getValue().equals(current.get(p.getKey())))
        .map(p -> SqlLiterals.string(p.getKey()) + " = " + SqlLiterals.string(p.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
    if (!stale.isEmpty()) {
      spark.sql("ALTER TABLE " + sqlName(location) + " SET TBLPROPERTIES (" + stale + ")");
    }
  }

  /** The table as a SQL identifier; Delta takes a path identifier only when the path is absolute. */
  private static String sqlName(String location) {
    return "delta.`" + location + "`";
  }
}
