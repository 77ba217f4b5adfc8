package io.crossover.lake;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** What a stage did to one table; {@code unchanged} when its inputs had not changed. */
public record TableStat(
    String table, long rowsRead, long rowsQuarantined, long rowsWritten, long version, boolean unchanged) {
  public static final StructType SCHEMA = new StructType()
      .add("table", DataTypes.StringType)
      .add("rows_read", DataTypes.LongType)
      .add("rows_quarantined", DataTypes.LongType)
      .add("rows_written", DataTypes.LongType)
      .add("delta_version", DataTypes.LongType)
      .add("unchanged", DataTypes.BooleanType);

  /** A table written by {@code write}, with the rows it read and quarantined. */
  public static TableStat of(WriteResult write, long rowsRead, long rowsQuarantined) {
    return new TableStat(write.table(), rowsRead, rowsQuarantined, write.rowsWritten(), write.version(), write.unchanged());
  }

  public Row toRow() {
    return RowFactory.create(table, rowsRead, rowsQuarantined, rowsWritten, version, unchanged);
  }
}
