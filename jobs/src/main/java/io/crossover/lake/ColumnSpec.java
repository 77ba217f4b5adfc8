package io.crossover.lake;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** A table column: name, type and the comment readers see. */
public record ColumnSpec(String name, DataType type, String comment) {

  public static ColumnSpec col(String name, DataType type, String comment) {
    return new ColumnSpec(name, type, comment);
  }

  public StructField field() {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, true, metadata);
  }
}
