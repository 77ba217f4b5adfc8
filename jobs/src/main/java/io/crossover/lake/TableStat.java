package io.crossover.lake;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** What a stage did to one table. */
public record TableStat(String table, long rowsRead, long rowsQuarantined, long rowsWritten, long version) {
  public static final StructType SCHEMA = new StructType()
      .add("table", DataTypes.StringType)
      .add("rows_read", DataTypes.LongType)
      .add("rows_quarantined", DataTypes.LongType)
      .add("rows_written", DataTypes.LongType)
      .add("delta_version", DataTypes.LongType);

  public Row toRow() {
    return RowFactory.create(table, rowsRead, rowsQuarantined, rowsWritten, version);
  }
}
