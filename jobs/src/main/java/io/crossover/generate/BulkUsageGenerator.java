package io.crossover.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes many usage events as Parquet, generated inside executors: each task draws its own slice
 * of event ids with its own seeded stream (the same draws as {@link UsageGenerator}), so memory
 * stays bounded and the write runs at disk speed on every core. Same arguments, same files' rows.
 */
public final class BulkUsageGenerator {
  /** Events per task (and so per Parquet file): about 40 MB of Parquet. */
  static final long EVENTS_PER_TASK = 2_000_000;

  public static final StructType SCHEMA = new StructType()
      .add("event_id", DataTypes.StringType).add("event_time", DataTypes.TimestampType)
      .add("region", DataTypes.StringType).add("org", DataTypes.StringType).add("chip", DataTypes.StringType)
      .add("device_count", DataTypes.LongType).add("duration_hours", DataTypes.DoubleType)
      .add("workload", DataTypes.StringType).add("utilization", DataTypes.DoubleType);

  private BulkUsageGenerator() {}

  /**
   * Writes {@code events} events with times in [{@code from}, {@code until}) (months weighted by the
   * model's growth, uniform within each) and ids from {@code firstId}, as Parquet under {@code folder}.
   */
  public static void write(SparkSession spark, String folder, UsageModel model, long events, long seed,
      LocalDateTime from, LocalDateTime until, long firstId, int orgs) {
    List<Slice> slices = slices(model, events, from, until);
    long total = slices.isEmpty() ? 0 : slices.get(slices.size() - 1).endIndex();
    int tasks = (int) Math.max(1, (total + EVENTS_PER_TASK - 1) / EVENTS_PER_TASK);
    List<Integer> taskIds = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      taskIds.add(t);
    }
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(taskIds, tasks)
        .flatMap(task -> rowsOfTask(task, tasks, total, slices, model, seed, firstId, orgs));
    spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.ErrorIfExists)
        .option("compression", "snappy").parquet(folder);
  }

  /** Exact PFLOP-days of the events under {@code folder} on or before {@code asOf}, summed by Spark. */
  static UsageGenerator.Totals totals(SparkSession spark, String folder, java.time.LocalDate asOf) {
    List<Column> chipTflops = new ArrayList<>();
    for (UsageGenerator.Chip chip : UsageGenerator.CHIPS) {
      chipTflops.add(lit(chip.name()));
      chipTflops.add(lit(chip.bf16Tflops()));
    }
    Column pflopDays = col("device_count").multiply(col("duration_hours"))
        .multiply(element_at(map(chipTflops.toArray(Column[]::new)), col("chip")))
        .multiply(col("utilization")).divide(24000.0);
    Column counted = col("event_time").lt(lit(Timestamp.from(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
    Column training = col("workload").isin("training", "fine_tuning");
    Row sums = spark.read().option("recursiveFileLookup", "true").schema(SCHEMA).parquet(folder)
        .agg(sum(when(counted.and(training), pflopDays)), sum(when(counted.and(not(training)), pflopDays)),
            count(when(counted, lit(1))), count(when(not(counted), lit(1))))
        .first();
    return new UsageGenerator.Totals(sums.getDouble(0), sums.getDouble(1), sums.getLong(2), sums.getLong(3));
  }

  /** A stretch of time inside one month and the event indexes [startIndex, endIndex) that fall in it. */
  record Slice(LocalDateTime start, long seconds, long startIndex, long endIndex) implements java.io.Serializable {}

  static List<Slice> slices(UsageModel model, long events, LocalDateTime from, LocalDateTime until) {
    List<LocalDateTime[]> spans = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double weightSum = 0;
    for (int m = 0; m < model.months(); m++) {
      YearMonth month = model.from().plusMonths(m);
      LocalDateTime start = later(month.atDay(1).atStartOfDay(), from);
      LocalDateTime end = earlier(month.plusMonths(1).atDay(1).atStartOfDay(), until);
      if (start.isBefore(end)) {
        double fraction = (double) ChronoUnit.SECONDS.between(start, end) / (month.lengthOfMonth() * 86_400.0);
        double weight = Math.exp(model.monthlyGrowth() * m) * fraction;
        spans.add(new LocalDateTime[] {start, end});
        weights.add(weight);
        weightSum += weight;
      }
    }
    List<Slice> slices = new ArrayList<>();
    long index = 0;
    for (int s = 0; s < spans.size(); s++) {
      long count = Math.round(events * weights.get(s) / weightSum);
      slices.add(new Slice(spans.get(s)[0], ChronoUnit.SECONDS.between(spans.get(s)[0], spans.get(s)[1]),
          index, index + count));
      index += count;
    }
    return slices;
  }

  private static Iterator<Row> rowsOfTask(int task, int tasks, long total, List<Slice> slices, UsageModel model,
      long seed, long firstId, int orgs) {
    long start = total * task / tasks;
    long end = total * (task + 1) / tasks;
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + task);
    int[] slice = {0};
    return LongStream.range(start, end).mapToObj(index -> {
      while (slices.get(slice[0]).endIndex() <= index) {
        slice[0]++;
      }
      Slice current = slices.get(slice[0]);
      LocalDateTime time = current.start().plusSeconds(random.nextLong(current.seconds()));
      UsageGenerator.Event event = UsageGenerator.event(random, model, time, firstId + index, orgs);
      return RowFactory.create(event.eventId(), Timestamp.from(time.toInstant(ZoneOffset.UTC)), event.region(), event.org(),
          event.chip().name(), event.devices(), UsageGenerator.round3(event.hours()), event.workload(),
          UsageGenerator.round3(event.utilization()));
    }).iterator();
  }

  private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
