package io.crossover.ingest;

import static io.crossover.ingest.LandingRecords.LINE;
import static io.crossover.ingest.LandingRecords.RAW;
import static io.crossover.ingest.LandingRecords.READ_ERROR;
import static io.crossover.ingest.LandingRecords.READ_RULE;
import static io.crossover.ingest.LandingRecords.SOURCE_FILE;
import static io.crossover.ingest.LandingRecords.UNREADABLE_FILE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crossover.lake.LandingFile;
import io.crossover.lake.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads landing files into {@link LandingRecords} rows: text files in executors, Parquet by Spark. */
final class LandingReader {
  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private LandingReader() {}

  /**
   * The records of {@code files} in groups {@link Validation#checkRules} checks one by one: the text
   * files (every column as text), then the Parquet files of each schema (columns in their own types),
   * then the files that could not be read at all.
   */
  static List<Dataset<Row>> read(SparkSession spark, Contract contract, List<LandingFile> files) {
    List<Dataset<Row>> groups = new ArrayList<>();
    List<LandingFile> text = files.stream().filter(f -> !f.format().equals("parquet")).toList();
    if (!text.isEmpty()) {
      groups.add(readText(spark, contract, text));
    }
    Map<StructType, Dataset<Row>> bySchema = new LinkedHashMap<>();
    List<Row> unreadable = new ArrayList<>();
    for (LandingFile file : files.stream().filter(f -> f.format().equals("parquet")).toList()) {
      Dataset<Row> records = readParquet(spark, contract, file, unreadable);
      if (records != null) {
        bySchema.merge(records.schema(), records, Dataset::union);
      }
    }
    groups.addAll(bySchema.values());
    if (!unreadable.isEmpty()) {
      groups.add(spark.createDataFrame(unreadable, LandingRecords.schema(contract)));
    }
    return groups;
  }

  private static Dataset<Row> readText(SparkSession spark, Contract contract, List<LandingFile> files) {
    List<String> tasks = files.stream().map(f -> f.format() + "\t" + f.path()).toList();
    Map<String, String> hadoopConf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
    int partitions = Math.max(1, Math.min(tasks.size(), spark.sparkContext().defaultParallelism()));
    FlatMapFunction<Iterator<String>, Row> parse = paths -> {
      Configuration conf = new Configuration(false);
      hadoopConf.forEach(conf::set);
      return flatten(paths, task -> {
        String[] formatAndPath = task.split("\t", 2);
        return TextFileParser.parse(contract, formatAndPath[1], formatAndPath[0], conf);
      });
    };
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(tasks, partitions)
        .mapPartitions(parse);
    return spark.createDataFrame(rows, LandingRecords.schema(contract));
  }

  /** The rows of each task's iterator in turn, opening the next file only when the last is done. */
  private static Iterator<Row> flatten(Iterator<String> tasks, java.util.function.Function<String, Iterator<Row>> open) {
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && tasks.hasNext()) {
          current = open.apply(tasks.next());
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        hasNext();
        return current.next();
      }
    };
  }

  /**
   * A Parquet landing file's rows, each contract column in the type the file gives it. Its last bytes
   * are read through the storage boundary first, so a store that does not answer fails the run (the
   * file stays pending) while a file the store serves but Spark cannot decode is quarantined as
   * content: added to {@code unreadable}, and null returned.
   */
  private static Dataset<Row> readParquet(SparkSession spark, Contract contract, LandingFile file,
      List<Row> unreadable) {
    byte[] tail = new Storage(spark.sparkContext().hadoopConfiguration()).readTail(file.path(), PARQUET_MAGIC.length);
    if (!Arrays.equals(tail, PARQUET_MAGIC)) {
      unreadable.add(unreadable(contract, file, "not a Parquet file: it does not end with the magic bytes PAR1"));
      return null;
    }
    Dataset<Row> data;
    try {
      data = spark.read().parquet(file.path());
    } catch (RuntimeException undecodable) {
      unreadable.add(unreadable(contract, file, "the Parquet file could not be decoded: " + undecodable.getMessage()));
      return null;
    }
    Set<String> present = Arrays.stream(data.columns()).collect(Collectors.toSet());
    List<String> missing = contract.requiredColumns().stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      unreadable.add(unreadable(contract, file,
          "the Parquet schema lacks required columns " + missing + "; it has " + present));
      return null;
    }
    List<Column> columns = new ArrayList<>();
    for (String name : contract.columnNames()) {
      columns.add(present.contains(name) ? col(name) : lit(null).cast(DataTypes.StringType).as(name));
    }
    columns.add(lit(file.path()).as(SOURCE_FILE));
    columns.add(col("_metadata.row_index").plus(1).as(LINE));
    columns.add(lit(null).cast(DataTypes.StringType).as(RAW));
    columns.add(lit(null).cast(DataTypes.StringType).as(READ_RULE));
    columns.add(lit(null).cast(DataTypes.StringType).as(READ_ERROR));
    return data.select(columns.toArray(Column[]::new));
  }

  private static Row unreadable(Contract contract, LandingFile file, String reason) {
    Object[] values = new Object[contract.fields().size() + 5];
    int at = contract.fields().size();
    values[at] = file.path();
    values[at + 1] = 0L;
    values[at + 3] = UNREADABLE_FILE;
    values[at + 4] = reason;
    return RowFactory.create(values);
  }
}
