package io.crossover.lake;

import io.crossover.errors.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that knows where tables and landing files live and how Delta writes them. Every
 * write is a single Delta commit, so a crash leaves the previous version readable.
 */
public final class Lake {
  private static final Logger LOG = LoggerFactory.getLogger(Lake.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Which build of crossover computed a table: a new build recomputes rather than trusting old output. */
  private static final String BUILD = readBuild();
  /** How far back a write looks for its own commit when other runs committed after it. */
  private static final int OWN_COMMIT_LOOKBACK = 20;
  private final SparkSession spark;
  private final String root;
  private final Landing landing;
  /**
   * The version of each table this lake object wrote, by table name. Later reads and fingerprints in
   * the same invocation use it, so one run's stages see each other's output even when another run
   * writes the same tables meanwhile.
   */
  private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();

  public Lake(SparkSession spark, String root, String landingRoot) {
    this.spark = spark;
    this.root = stripSlash(root);
    this.landing = new Landing(spark, stripSlash(landingRoot));
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
    return DeltaLog.forTable(spark, path(table)).update(false, Option.empty(), Option.empty()).version();
  }

  /**
   * The commitInfo of the table's latest commit, read from its log file: cheaper than a history
   * query, which is a Spark job. Empty for a table that does not exist.
   */
  private JsonNode lastCommitInfo(TableSpec table) {
    return commitInfo(table, latestVersion(table));
  }

  private JsonNode commitInfo(TableSpec table, long version) {
    if (version < 0) {
      return MissingNode.getInstance();
    }
    return CommitLog.actions(tableFileSystem(table), path(table), version).stream()
        .filter(action -> action.has("commitInfo")).findFirst()
        .map(action -> (JsonNode) ((com.fasterxml.jackson.databind.node.ObjectNode) action.get("commitInfo"))
            .put("version", version))
        .orElseGet(() -> JSON.createObjectNode().put("version", version));
  }

  /** The inputs recorded with the table's latest commit (see {@link #fingerprint}), or null. */
  public String lastInputs(TableSpec table) {
    return lastCommitInfo(table).path("userMetadata").asText(null);
  }

  /**
   * The data files commits after {@code version} added, when those commits only added files (no
   * file removed, no schema change): then these files hold exactly the rows added since. Empty
   * when anything else happened, so the caller recomputes in full.
   */
  public Optional<List<String>> filesAddedSince(TableSpec table, long version) {
    List<String> added = new ArrayList<>();
    FileSystem fs = tableFileSystem(table);
    for (long v = version + 1; v <= version(table); v++) {
      for (JsonNode action : CommitLog.actions(fs, path(table), v)) {
        boolean removesData = action.has("remove") && action.get("remove").path("dataChange").asBoolean(true);
        if (removesData || action.has("metaData")) {
          return Optional.empty();
        }
        if (action.has("add")) {
          added.add(new Path(new Path(path(table)), new Path(java.net.URI.create(action.get("add").get("path").asText())))
              .toString());
        }
      }
    }
    return Optional.of(added);
  }

  /**
   * The values of partition column {@code column} whose files commits after {@code version} added
   * or removed; empty when some commit changed the table otherwise (recompute everything).
   */
  public Optional<java.util.Set<String>> partitionsChangedSince(TableSpec table, long version, String column) {
    java.util.Set<String> changed = new java.util.TreeSet<>();
    FileSystem fs = tableFileSystem(table);
    for (long v = version + 1; v <= version(table); v++) {
      for (JsonNode action : CommitLog.actions(fs, path(table), v)) {
        if (action.has("metaData")) {
          return Optional.empty();
        }
        for (String kind : List.of("add", "remove")) {
          if (action.has(kind)) {
            JsonNode value = action.get(kind).path("partitionValues").get(column);
            if (value == null || value.isNull()) {
              return Optional.empty();
            }
            changed.add(value.asText());
          }
        }
      }
    }
    return Optional.of(changed);
  }

  /** The rows of some of an unpartitioned table's data files (from {@link #filesAddedSince}). */
  public Dataset<Row> readFiles(List<String> files) {
    return spark.read().parquet(files.toArray(String[]::new));
  }

  /**
   * What a derived table is computed from: the versions of the tables it reads and the settings
   * that change its content. Recorded with each overwrite, so an unchanged input is not recomputed.
   */
  public String fingerprint(List<TableSpec> inputs, String... settings) {
    List<String> parts = new ArrayList<>(List.of("code=" + BUILD));
    for (TableSpec input : inputs) {
      parts.add(input.name() + "@" + version(input));
    }
    parts.addAll(List.of(settings));
    return String.join(";", parts);
  }

  /**
   * Inputs of a table maintained incrementally from {@code consumed}: {@code basis} (what forces a
   * full recompute when it changes), then the version of {@code consumed} read so far, then
   * {@code extra}. {@link #consumedVersion} reads the version back.
   */
  public String incrementalInputs(String basis, TableSpec consumed, String extra) {
    return basis + ";consumed=" + consumed.name() + "@" + version(consumed) + ";" + extra;
  }

  /**
   * The version of {@code consumed} that {@code table}'s last commit read, when that commit had the
   * same {@code basis}; empty otherwise (recompute in full). {@code extra} receives what followed.
   */
  public java.util.OptionalLong consumedVersion(TableSpec table, String basis, TableSpec consumed,
      java.util.function.Consumer<String> extra) {
    String recorded = lastInputs(table);
    String prefix = basis + ";consumed=" + consumed.name() + "@";
    if (recorded == null || !recorded.startsWith(prefix)) {
      return java.util.OptionalLong.empty();
    }
    String rest = recorded.substring(prefix.length());
    int end = rest.indexOf(';');
    extra.accept(end < 0 ? "" : rest.substring(end + 1));
    return java.util.OptionalLong.of(Long.parseLong(end < 0 ? rest : rest.substring(0, end)));
  }

  /** True when the table's last commit was computed from exactly {@code inputs}. */
  public boolean isCurrent(TableSpec table, String inputs) {
    return inputs.equals(lastCommitInfo(table).path("userMetadata").asText(null));
  }

  /** The unchanged table, as a write that did nothing. */
  public WriteResult unchanged(TableSpec table) {
    long version = latestVersion(table);
    written.put(table.name(), version);
    return new WriteResult(table.name(), 0, version, true);
  }

  /**
   * Replaces the whole table in one commit, recording {@code inputs} (see {@link #fingerprint});
   * when the table was already computed from the same inputs, writes nothing.
   */
  public WriteResult overwrite(TableSpec table, Supplier<Dataset<Row>> rows, String inputs) {
    return ConflictRetry.write(path(table), () -> {
      if (isCurrent(table, inputs)) {
        return unchanged(table);
      }
      Dataset<Row> conformed = conformed(table, rows.get());
      if (!createWith(table, conformed, inputs)) {
        writer(table, conformed).mode("overwrite").option("overwriteSchema", "true")
            .option("userMetadata", inputs).save(path(table));
      }
      return ownCommit(table, inputs);
    });
  }

  /** Replaces only the rows matching {@code predicate} (SQL), atomically; re-running is harmless. */
  public WriteResult replaceWhere(TableSpec table, Dataset<Row> rows, String predicate) {
    return replaceWhere(table, rows, predicate, "");
  }

  /** As {@link #replaceWhere(TableSpec, Dataset, String)}, recording {@code inputs} (see {@link #fingerprint}). */
  public WriteResult replaceWhere(TableSpec table, Dataset<Row> rows, String predicate, String inputs) {
    Dataset<Row> conformed = conformed(table, rows);
    return ConflictRetry.write(path(table), () -> {
      if (!createWith(table, conformed, inputs)) {
        // Columns added at the end of a TableSpec reach tables written by an earlier build.
        writer(table, conformed).mode("overwrite").option("userMetadata", inputs)
            .option("replaceWhere", predicate).option("mergeSchema", "true").save(path(table));
      }
      return ownCommit(table, inputs);
    });
  }

  /**
   * Bin-packs the table's small files (OPTIMIZE) and deletes unreferenced files older than
   * {@code retentionHours} (VACUUM); says how many files compaction touched.
   */
  public String compactAndVacuum(TableSpec table, int retentionHours) {
    DeltaTable delta = DeltaTable.forPath(spark, path(table));
    Row compacted = delta.optimize().executeCompaction().first();
    // VACUUM lists the table's folders in spark.sql.sources.parallelPartitionDiscovery.parallelism
    // tasks (10,000 by default: ~12 s of empty tasks per table here); a few per core suffice.
    String listing = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    String before = spark.conf().get(listing, "10000");
    spark.conf().set(listing, String.valueOf(Math.max(8, 4 * spark.sparkContext().defaultParallelism())));
    try {
      delta.vacuum(retentionHours);
    } finally {
      spark.conf().set(listing, before);
    }
    Object metrics = compacted.getAs("metrics");
    String summary = metrics instanceof Row m
        ? m.getAs("numFilesRemoved") + " files compacted into " + m.getAs("numFilesAdded")
        : "compacted";
    return summary + ", vacuumed files unreferenced for over " + retentionHours + " h";
  }

  /** Writes the table's symlink manifest (the data files of its current version) and says where. */
  public String writeSymlinkManifest(TableSpec table) {
    DeltaTable.forPath(spark, path(table)).generate("symlink_format_manifest");
    return path(table) + "/_symlink_format_manifest/";
  }

  /** The rows in the table's declared columns; a partitioned table's in one task (so one file) per partition value. */
  private static Dataset<Row> conformed(TableSpec table, Dataset<Row> rows) {
    Dataset<Row> conformed = table.conform(rows);
    if (table.partitionColumns().isEmpty()) {
      return conformed;
    }
    return conformed.repartition(table.partitionColumns().stream().map(functions::col).toArray(Column[]::new));
  }

  private static org.apache.spark.sql.DataFrameWriter<Row> writer(TableSpec table, Dataset<Row> conformed) {
    return conformed.write().format("delta").partitionBy(table.partitionColumns().toArray(String[]::new));
  }

  /**
   * Creates a table that does not exist yet from {@code conformed}, with its properties (comment,
   * owner, grain, refresh) in the same first commit; on an existing table, brings its properties
   * up to date (one commit, only when they changed) and returns false for the caller to write.
   */
  private boolean createWith(TableSpec table, Dataset<Row> conformed, String inputs) {
    if (exists(table)) {
      updateProperties(table);
      return false;
    }
    var create = conformed.writeTo(sqlName(table)).using("delta");
    if (!table.partitionColumns().isEmpty()) {
      List<Column> by = table.partitionColumns().stream().map(functions::col).toList();
      create = create.partitionedBy(by.get(0), by.subList(1, by.size()).toArray(Column[]::new));
    }
    for (Map.Entry<String, String> property : table.properties().entrySet()) {
      create = create.tableProperty(property.getKey(), property.getValue());
    }
    // A create-table-as-select takes its commit's userMetadata from the session, not from an option.
    String userMetadata = "spark.databricks.delta.commitInfo.userMetadata";
    spark.conf().set(userMetadata, inputs);
    try {
      create.create();
      return true;
    } catch (org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException e) {
      LOG.info("{} was created by another run meanwhile; writing into it", table.name());
      return false;
    } finally {
      spark.conf().unset(userMetadata);
    }
  }

  private void updateProperties(TableSpec table) {
    var metadata = DeltaLog.forTable(spark, path(table)).update(false, Option.empty(), Option.empty()).metadata();
    Map<String, String> current = new java.util.HashMap<>(scala.jdk.javaapi.CollectionConverters.asJava(
        metadata.configuration()));
    if (metadata.description() != null) {
      current.put("comment", metadata.description());
    }
    String stale = table.properties().entrySet().stream()
        .filter(p -> !p.getValue().equals(current.get(p.getKey())))
        .map(p -> "'" + p.getKey() + "' = '" + p.getValue().replace("\\", "\\\\").replace("'", "\\'") + "'")
        .collect(java.util.stream.Collectors.joining(", "));
    if (!stale.isEmpty()) {
      spark.sql("ALTER TABLE " + sqlName(table) + " SET TBLPROPERTIES (" + stale + ")");
    }
  }

  public WriteResult append(TableSpec table, Dataset<Row> rows) {
    Dataset<Row> conformed = conformed(table, rows);
    return ConflictRetry.write(path(table), () -> {
      if (!createWith(table, conformed, "")) {
        writer(table, conformed).mode("append").save(path(table));
      }
      return ownCommit(table, "");
    });
  }

  /**
   * The commit this write made: the newest recording {@code inputs} (other runs may have committed
   * after it), or the newest commit when the write recorded no inputs.
   */
  private WriteResult ownCommit(TableSpec table, String inputs) {
    long latest = latestVersion(table);
    JsonNode commit = commitInfo(table, latest);
    for (long v = latest; !inputs.isEmpty() && v >= Math.max(0, latest - OWN_COMMIT_LOOKBACK); v--) {
      JsonNode candidate = commitInfo(table, v);
      if (inputs.equals(candidate.path("userMetadata").asText(null))) {
        commit = candidate;
        break;
      }
    }
    long rows = commit.path("operationMetrics").path("numOutputRows").asLong(0);
    WriteResult result = new WriteResult(table.name(), rows, commit.path("version").asLong(-1), false);
    written.put(table.name(), result.version());
    LOG.debug("wrote {}: {} rows, version {}", table.name(), result.rowsWritten(), result.version());
    return result;
  }

  /** The rows of the table as of {@code version} (Delta time travel). */
  public Dataset<Row> readVersion(TableSpec table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /**
   * Reads a small reference CSV (header row, all columns as strings) into a local relation, so
   * the stages that join it do not read the file again.
   */
  public Dataset<Row> readReferenceCsv(String path) {
    Path file = new Path(path);
    try {
      if (!fileSystem(file).exists(file)) {
        throw Errors.unreadableReference(path, "the file does not exist", null);
      }
    } catch (IOException e) {
      throw Errors.unreadableReference(path, e.getMessage(), e);
    }
    Dataset<Row> rows = spark.read().option("header", "true").csv(path);
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  /** Writes a file under the lake root (reports), replacing it; returns its full path. */
  public String writeFile(String relativePath, byte[] content) {
    Path file = new Path(root + "/" + relativePath);
    try (var out = fileSystem(file).create(file, true)) {
      out.write(content);
    } catch (IOException e) {
      throw Errors.cannotWrite(file.toString(), e.getMessage(), e);
    }
    return file.toString();
  }

  private static String readBuild() {
    java.util.Properties build = new java.util.Properties();
    try (var in = Lake.class.getResourceAsStream("/crossover-build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      LOG.warn("crossover-build.properties unreadable; tables will be recomputed on every run", e);
    }
    return build.getProperty("version", "unknown") + "@" + build.getProperty("built", Long.toString(System.nanoTime()));
  }

  /**
   * The table's absolute location with its scheme ({@code file:/…}, {@code s3a://…}): what SQL and
   * catalogs need, since the default lake (./lakehouse) is relative.
   */
  public String location(TableSpec table) {
    return tableFileSystem(table).makeQualified(new Path(path(table))).toString();
  }

  /** The table as a SQL identifier; Delta takes a path identifier only when the path is absolute. */
  private String sqlName(TableSpec table) {
    return "delta.`" + location(table) + "`";
  }

  private FileSystem tableFileSystem(TableSpec table) {
    try {
      return fileSystem(new Path(path(table)));
    } catch (IOException e) {
      throw Errors.cannotWrite(path(table), "the file system is not reachable: " + e.getMessage(), e);
    }
  }

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
