package io.crossover.ingest;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** How a landing value is parsed, the rule it breaks when it cannot be, and its typed form. */
public enum FieldType {
  TEXT(DataTypes.StringType, null),
  DATE(DataTypes.DateType, "unparseable_date"),
  /** A date as a third party's export writes it: yyyy-MM-dd, or M/D/YYYY (Epoch AI's raw CSV export). */
  EXPORT_DATE(DataTypes.DateType, "unparseable_date"),
  /** A day (yyyy-MM-dd) or a month (yyyy-MM), kept as written. */
  DATE_OR_MONTH(DataTypes.StringType, "unparseable_date_or_month"),
  TIMESTAMP(DataTypes.TimestampType, "unparseable_timestamp"),
  NUMBER(DataTypes.DoubleType, "unparseable_number"),
  WHOLE_NUMBER(DataTypes.LongType, "unparseable_number"),
  PERIOD(DataTypes.StringType, "unparseable_period"),
  CURRENCY(DataTypes.StringType, "unknown_currency");

  private final DataType sparkType;
  private final String parseRule;

  FieldType(DataType sparkType, String parseRule) {
    this.sparkType = sparkType;
    this.parseRule = parseRule;
  }

  public DataType sparkType() {
    return sparkType;
  }

  /** Name of the rule a value of this type breaks when it does not parse; null for text. */
  public String parseRule() {
    return parseRule;
  }

  /** Whether values of this type are calendar dates, checked against {@code implausible_date}. */
  public boolean isDate() {
    return this == DATE || this == EXPORT_DATE;
  }
}
