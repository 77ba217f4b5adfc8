package io.crossover.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows as read from landing files, before any rule: every contract column as text (a Parquet file's
 * columns in their own types), plus where the row came from and why the record itself could not be
 * read (null when it could). {@link #schema} is the text form.
 */
public final class LandingRecords {
  public static final String SOURCE_FILE = "_source_file";
  public static final String LINE = "_line";
  public static final String RAW = "_raw";
  /** The rule a record broke just by how it was written (null when it could be read). */
  public static final String READ_RULE = "_read_rule";
  public static final String READ_ERROR = "_read_error";
  public static final String MALFORMED_RECORD = "malformed_record";
  public static final String UNREADABLE_FILE = "unreadable_file";

  private LandingRecords() {}

  public static StructType schema(Contract contract) {
    List<StructField> fields = new ArrayList<>();
    for (String column : contract.columnNames()) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(READ_RULE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(READ_ERROR, DataTypes.StringType, true));
    return new StructType(fields.toArray(StructField[]::new));
  }
}
