package io.crossover.lake;

import io.crossover.errors.Errors;
import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the lake's tables live and how they are read and written: each write is one Delta commit
 * (so a crash leaves the previous version readable) that records its {@link Lineage}. The table's
 * commits are read through {@link TableLog}, files outside Delta through {@link Storage}; compaction
 * lives with the maintain stage.
 */
public final class Lake {
  private static final Logger LOG = LoggerFactory.getLogger(Lake.class);
  /** Which build of crossover computed a table: a new build recomputes rather than trusting old output. */
  private static final String BUILD = Build.id();
  /** How far back a write looks for its own commit when other runs committed after it. */
  private static final int OWN_COMMIT_LOOKBACK = 20;
  private final SparkSession spark;
  private final String root;
  private final Storage storage;
  private final TableLog log;
  private final TableCreation creation;
  private final Landing landing;
  /**
   * The version of each table this lake object wrote, by table name. Later reads and lineages in
   * the same invocation use it, so one run's stages see each other's output even when another run
   * writes the same tables meanwhile.
   */
  private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();

  public Lake(SparkSession spark, String root, String landingRoot) {
    this.spark = spark;
    this.root = stripSlash(root);
    this.storage = new Storage(spark.sparkContext().hadoopConfiguration());
    this.log = new TableLog(spark);
    this.creation = new TableCreation(spark);
    this.landing = new Landing(storage, stripSlash(landingRoot));
  }

  /**
   * Session settings our tables rely on. Deletion vectors stay off: MERGE on a DV table failed on
   * this Spark/Delta pair, and older or non-Spark readers cannot read them.
   */
  public static Map<String, String> sessionDefaults() {
    return Map.of(
        "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "spark.databricks.delta.properties.defaults.enableDeletionVectors", "false",
        "spark.databricks.delta.snapshotPartitions", "2",
        "spark.sql.session.timeZone", "UTC");
  }

  /** The landing folders the ingest stage reads. */
  public Landing landing() {
    return landing;
  }

  /** The storage boundary every file outside Delta's own I/O goes through. */
  public Storage storage() {
    return storage;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(TableSpec table) {
    return root + "/" + table.name();
  }

  public boolean exists(TableSpec table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  public Dataset<Row> read(TableSpec table, String producingStage) {
    if (!exists(table)) {
      throw Errors.missingTable(table.name(), producingStage);
    }
    return readCurrent(table);
  }

  /** The table's rows, or no rows with its declared schema when it does not exist yet. */
  public Dataset<Row> readOrEmpty(TableSpec table) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return readCurrent(table);
  }

  /** The table's latest version, whoever wrote it (for tables derived from every run's rows). */
  public Dataset<Row> readLatest(TableSpec table) {
    return spark.read().format("delta").load(path(table));
  }

  private Dataset<Row> readCurrent(TableSpec table) {
    Long version = written.get(table.name());
    return version == null ? readLatest(table) : readVersion(table, version);
  }

  /**
   * The table's version as this invocation sees it: the version it wrote itself, else the latest;
   * -1 when the table does not exist.
   */
  public long version(TableSpec table) {
    Long version = written.get(table.name());
    return version == null ? latestVersion(table) : version;
  }

  /** The table's latest Delta version, whoever wrote it; -1 when the table does not exist. */
  public long latestVersion(TableSpec table) {
    return log.latestVersion(path(table));
  }

  /** The lineage the table's latest commit recorded (see {@link #lineage}); empty for none or no table. */
  public Optional<Lineage> lastLineage(TableSpec table) {
    return log.newest(path(table), 1).stream().findFirst().flatMap(TableLog.Commit::lineage);
  }

  /**
   * The data files commits after {@code version} added, when those commits only added files (no
   * file removed, no schema change): then these files hold exactly the rows added since. Empty
   * when anything else happened, so the caller recomputes in full.
   */
  public Optional<List<String>> filesAddedSince(TableSpec table, long version) {
    return log.filesAddedSince(path(table), version, version(table));
  }

  /**
   * The values of partition column {@code column} whose files commits after {@code version} added
   * or removed; empty when some commit changed the table otherwise (recompute everything).
   */
  public Optional<java.util.Set<String>> partitionsChangedSince(TableSpec table, long version, String column) {
    return log.partitionsChangedSince(path(table), version, version(table), column);
  }

  /** The rows of some of an unpartitioned table's data files (from {@link #filesAddedSince}). */
  public Dataset<Row> readFiles(List<String> files) {
    return spark.read().parquet(files.toArray(String[]::new));
  }

  /**
   * What a derived table is computed from: this build, the versions of the tables it reads as this
   * run sees them, and the settings that change its content. Recorded with each overwrite, so an
   * unchanged input is not recomputed.
   */
  public Lineage lineage(List<TableSpec> inputs, String... settings) {
    Map<String, Long> versions = new java.util.TreeMap<>();
    for (TableSpec input : inputs) {
      versions.put(input.name(), version(input));
    }
    return Lineage.of(BUILD, versions, List.of(settings));
  }

  /** {@code basis} having read {@code consumed} up to the version this run sees. */
  public Lineage consuming(Lineage basis, TableSpec consumed) {
    return basis.consuming(consumed.name(), version(consumed));
  }

  /**
   * The version of {@code consumed} that {@code table}'s last commit had read, when that commit had
   * the same basis; empty otherwise (recompute in full).
   */
  public java.util.OptionalLong consumedVersion(TableSpec table, Lineage basis, TableSpec consumed) {
    return lastLineage(table).filter(basis::sameBasis)
        .map(last -> last.consumed().get(consumed.name()))
        .map(java.util.OptionalLong::of).orElseGet(java.util.OptionalLong::empty);
  }

  /** True when the table's last commit was computed from exactly {@code lineage}. */
  public boolean isCurrent(TableSpec table, Lineage lineage) {
    return lastLineage(table).filter(lineage::equals).isPresent();
  }

  /** The unchanged table, as a write that did nothing. */
  public WriteResult unchanged(TableSpec table) {
    long version = latestVersion(table);
    written.put(table.name(), version);
    return new WriteResult(table.name(), 0, version, true);
  }

  /**
   * Replaces the whole table in one commit, recording {@code lineage} (see {@link #lineage});
   * when the table was already computed from the same inputs, writes nothing.
   */
  public WriteResult overwrite(TableSpec table, Supplier<Dataset<Row>> rows, Lineage lineage) {
    String recorded = lineage.toJson();
    return ConflictRetry.write(path(table), () -> {
      if (isCurrent(table, lineage)) {
        return unchanged(table);
      }
      Dataset<Row> conformed = TableCreation.conformed(table, rows.get());
      if (!creation.createOrUpdate(table, location(table), conformed, recorded)) {
        TableCreation.writer(table, conformed).mode("overwrite").option("overwriteSchema", "true")
            .option("userMetadata", recorded).save(path(table));
      }
      return ownCommit(table, recorded);
    });
  }

  /**
   * Replaces only the rows matching {@code predicate} (SQL, its literals from {@link SqlLiterals}),
   * atomically; re-running is harmless.
   */
  public WriteResult replaceWhere(TableSpec table, Dataset<Row> rows, String predicate) {
    return replaceWhere(table, rows, predicate, "");
  }

  /** As {@link #replaceWhere(TableSpec, Dataset, String)}, recording {@code lineage}. */
  public WriteResult replaceWhere(TableSpec table, Dataset<Row> rows, String predicate, Lineage lineage) {
    return replaceWhere(table, rows, predicate, lineage.toJson());
  }

  private WriteResult replaceWhere(TableSpec table, Dataset<Row> rows, String predicate, String inputs) {
    Dataset<Row> conformed = TableCreation.conformed(table, rows);
    return ConflictRetry.write(path(table), () -> {
      if (!creation.createOrUpdate(table, location(table), conformed, inputs)) {
        // Columns added at the end of a TableSpec reach tables written by an earlier build.
        TableCreation.writer(table, conformed).mode("overwrite").option("userMetadata", inputs)
            .option("replaceWhere", predicate).option("mergeSchema", "true").save(path(table));
      }
      return ownCommit(table, inputs);
    });
  }

  public WriteResult append(TableSpec table, Dataset<Row> rows) {
    Dataset<Row> conformed = TableCreation.conformed(table, rows);
    return ConflictRetry.write(path(table), () -> {
      if (!creation.createOrUpdate(table, location(table), conformed, "")) {
        TableCreation.writer(table, conformed).mode("append").save(path(table));
      }
      return ownCommit(table, "");
    });
  }

  /**
   * The commit this write made: the newest recording {@code recorded} (other runs may have
   * committed after it), or the newest commit when the write recorded no lineage.
   */
  private WriteResult ownCommit(TableSpec table, String recorded) {
    Optional<Lineage> lineage = Lineage.fromJson(recorded);
    TableLog.Commit commit = log.newestMatching(path(table), OWN_COMMIT_LOOKBACK,
        c -> lineage.isEmpty() || c.lineage().equals(lineage));
    WriteResult result = new WriteResult(table.name(), commit.rowsWritten(), commit.version(), false);
    written.put(table.name(), result.version());
    LOG.debug("wrote {}: {} rows, version {}", table.name(), result.rowsWritten(), result.version());
    return result;
  }

  /** The rows of the table as of {@code version} (Delta time travel). */
  public Dataset<Row> readVersion(TableSpec table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /**
   * A small reference CSV (header row, all columns as strings, one record per line) as a local
   * relation, so the stages that join it do not read the file again: the file at a Hadoop path
   * ({@code s3a://}, {@code hdfs://}, {@code file:}, local), or with {@code builtIn} the resource of
   * that name inside the jar, which travels with the job to any driver.
   */
  public Dataset<Row> readReferenceCsv(String path, boolean builtIn) {
    byte[] content;
    if (builtIn) {
      content = builtInResource(path);
    } else if (!storage.exists(path)) {
      throw Errors.unreadableReference(path, "the file does not exist", null);
    } else {
      content = storage.readAll(path);
    }
    List<String> lines = new String(content, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    Dataset<Row> rows = spark.read().option("header", "true")
        .csv(spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()));
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  private static byte[] builtInResource(String name) {
    try (var in = Lake.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw Errors.unreadableReference(name, "the jar holds no such resource; rebuild it", null);
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw Errors.unreadableReference(name, e.getMessage(), e);
    }
  }

  /** Writes a file under the lake root (reports), replacing it; returns its full path. */
  public String writeFile(String relativePath, byte[] content) {
    return storage.write(root + "/" + relativePath, content);
  }

  /**
   * The table's absolute location with its scheme ({@code file:/…}, {@code s3a://…}): what SQL and
   * catalogs need, since the default lake (./lakehouse) is relative.
   */
  public String location(TableSpec table) {
    return storage.qualified(path(table));
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
