package io.crossover.lake;

import static io.crossover.lake.ColumnSpec.col;
import static io.crossover.lake.TableSpec.table;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.DateType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Tables about the pipeline itself: runs, rule outcomes, the files already ingested, quarantine. */
public final class OpsTables {
  private OpsTables() {}

  public static final TableSpec PIPELINE_RUNS = table("ops/pipeline_runs", "stage run",
      "One row per stage run: what it read, quarantined and wrote, and the Delta versions it made.",
      col("run_id", StringType, "Id shared by the stages of one command invocation"),
      col("command", StringType, "Command given on the command line (run, ingest, ...)"),
      col("stage", StringType, "Stage this row is about"),
      col("run_date", DateType, "Logical date: data known on or before it"),
      col("started_at", TimestampType, "When the stage started (UTC)"),
      col("ended_at", TimestampType, "When the stage ended (UTC)"),
      col("status", StringType, "succeeded, rejected (exit 3) or failed"),
      col("error", StringType, "Error message when the stage did not succeed"),
      col("rows_read", LongType, "Rows the stage read from its inputs"),
      col("rows_quarantined", LongType, "Rows the stage sent to quarantine"),
      col("rows_written", LongType, "Rows the stage wrote to its tables"),
      col("tables", DataTypes.createArrayType(TableStat.SCHEMA),
          "Per table: rows read, quarantined, written, the Delta version after the stage, and whether it was unchanged")).ownedBy("every stage", TableSpec.DAILY);

  public static final TableSpec QUALITY_METRICS = table("ops/quality_metrics", "run x stage x dataset x rule",
      "How many rows passed and failed each rule in each stage run.",
      col("run_id", StringType, "Run that checked the rule"),
      col("run_date", DateType, "Logical date of the run"),
      col("stage", StringType, "ingest or refine"),
      col("dataset", StringType, "Landing dataset the rule belongs to"),
      col("rule", StringType, "Rule name, as in docs/landing.md"),
      col("passed", LongType, "Rows checked that did not break the rule"),
      col("failed", LongType, "Rows that broke the rule"),
      col("failed_ratio", DoubleType, "failed / (passed + failed)")).ownedBy("every stage", TableSpec.DAILY);

  public static final TableSpec INGESTED_FILES = table("ops/ingested_files", "landing file",
      "The landing files already in bronze; a file is read again only when its size or time changes.",
      col("dataset", StringType, "Landing dataset (folder)"),
      col("source_file", StringType, "Full path of the landing file"),
      col("size_bytes", LongType, "File size when ingested"),
      col("modified_at", LongType, "File modification time when ingested (epoch ms)"),
      col("rows_accepted", LongType, "Rows written to bronze"),
      col("rows_quarantined", LongType, "Rows sent to quarantine"),
      col("run_id", StringType, "Run that ingested the file")).ownedBy("ingest", TableSpec.DAILY);

  public static TableSpec quarantine(String dataset) {
    return table("quarantine/" + dataset, "rejected record",
        "Rows of " + dataset + " that broke a rule, with the rule, the file, the line and the record.",
        col("dataset", StringType, "Landing dataset"),
        col("stage", StringType, "Stage that rejected the row (ingest or refine)"),
        col("rule", StringType, "First rule the row broke, as in docs/landing.md"),
        col("column", StringType, "Column the rule is about (empty for whole-record rules)"),
        col("detail", StringType, "What was wrong, in words"),
        col("rules", DataTypes.createArrayType(StringType), "Every rule the row broke"),
        col("source_file", StringType, "Landing file the row came from"),
        col("line", LongType, "Line the record starts on (Parquet: row number; 0: whole file)"),
        col("raw_record", StringType, "The record as it stood in the file"),
        col("run_id", StringType, "Run that rejected the row"),
        col("quarantined_at", TimestampType, "When it was rejected (UTC)"))
        .ownedBy("ingest and refine", TableSpec.DAILY);
  }

  public static List<TableSpec> fixed() {
    return List.of(PIPELINE_RUNS, QUALITY_METRICS, INGESTED_FILES);
  }
}
