package io.crossover.config;

import io.crossover.errors.Errors;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code spark.crossover.*} setting, typed and validated. Precedence is Spark's own:
 * {@code --conf} over {@code --properties-file} over {@code spark-defaults.conf} over the default
 * declared here. docs/settings.md is checked against {@link #docTable()}.
 */
public final class Settings {
  public static final String PREFIX = "spark.crossover.";

  /** Usage-event columns a segment may be cut by. */
  public static final List<String> SEGMENT_COLUMNS = List.of("region", "org", "chip", "vendor");

  /** Market-wide series the share model may add to its trend (see docs/forecast.md). */
  public static final List<String> DRIVERS = List.of("capital", "capacity");

  public static final Setting<String> LANDING =
      new Setting<>(PREFIX + "landing", "data-samples", "a path or s3a:// URI",
          "Root of the landing files, one folder per dataset.", Settings::nonEmpty);
  public static final Setting<String> LAKE =
      new Setting<>(PREFIX + "lake", "lakehouse", "a path or s3a:// URI",
          "Root of the Delta tables (bronze, silver, gold, quarantine, ops).", Settings::nonEmpty);
  /** The value of {@link #COMPANY_ALIASES} that names the copy of conf/company_aliases.csv built into the jar. */
  public static final String BUILT_IN = "builtin";
  public static final Setting<String> COMPANY_ALIASES =
      new Setting<>(PREFIX + "companyAliases", BUILT_IN, "builtin, or a Hadoop path (s3a://, hdfs://, file:, local)",
          "Alias to company id map (columns alias, company_id); builtin is conf/company_aliases.csv as built into the jar,"
              + " so a cluster driver needs no file.", Settings::nonEmpty);
  public static final Setting<Integer> HORIZON_MONTHS =
      new Setting<>(PREFIX + "forecast.horizonMonths", "120", "a whole number from 1 to 600",
          "How far ahead the forecast looks for the crossover.", range(1, 600));
  public static final Setting<Integer> BOOTSTRAP =
      new Setting<>(PREFIX + "forecast.bootstrap", "500", "a whole number from 1 to 100000",
          "Bootstrap replicates per segment.", range(1, 100_000));
  public static final Setting<Integer> BLOCK_MONTHS =
      new Setting<>(PREFIX + "forecast.blockMonths", "6", "a whole number from 1 to 60",
          "Block length (months) of the moving-block bootstrap of residuals.", range(1, 60));
  public static final Setting<List<String>> SEGMENTS =
      new Setting<>(PREFIX + "forecast.segments", "region",
          "a comma-separated list of " + SEGMENT_COLUMNS + ", or none",
          "Usage columns that define segments; segment 'all' is always built (summed from the first column's segments).",
          Settings::segmentColumns);
  public static final Setting<List<String>> FORECAST_DRIVERS =
      new Setting<>(PREFIX + "forecast.drivers", "none", "a comma-separated list of " + DRIVERS + ", or none",
          "Drivers added to the share model's trend; none is what the backtest on data-samples supports (docs/forecast.md).",
          text -> subsetOf(DRIVERS, text));
  public static final Setting<Optional<Double>> SCENARIO_CAPITAL_GROWTH =
      new Setting<>(PREFIX + "scenario.capitalGrowth", "", "empty, or an annual growth rate above -1 (-0.3 is 30% less each year)",
          "What-if: trailing-12-month capital raised after the run date grows at this rate instead of its own trend. Needs the capital driver.",
          text -> optional(text, value -> value > -1));
  public static final Setting<Optional<Double>> SCENARIO_CAPACITY_SHARE =
      new Setting<>(PREFIX + "scenario.capacityShare", "", "empty, or a number from 0 to 1",
          "What-if: the inference-designed share of installed capacity after the run date stays at this value instead of following its trend. Needs the capacity driver.",
          text -> optional(text, value -> value >= 0 && value <= 1));
  public static final Setting<Double> EVIDENCE_OFFSET_SCALE =
      new Setting<>(PREFIX + "evidence.offsetScale", "1.0", "a number from 0.05 to 10",
          "Prior standard deviation (logit) of each measure's and scope's offset in the evidence model: smaller pulls every published figure toward the market's compute share; 1.0 is what the known-answer study supports (docs/forecast.md).",
          text -> {
            double value = Double.parseDouble(text);
            return value >= 0.05 && value <= 10 ? value : null;
          });
  public static final Setting<Boolean> EVIDENCE_INCLUDE_FORECASTS =
      new Setting<>(PREFIX + "evidence.includeForecasts", "false", "true or false",
          "When true, analysts' forecasts (share_evidence rows of kind forecast) are fitted as observations; they are scored in gold/evidence_forecast_scores either way.",
          Settings::bool);
  public static final Setting<Integer> RETENTION_HOURS =
      new Setting<>(PREFIX + "maintain.retentionHours", "168", "a whole number of hours from 168 to 87600",
          "How long maintain keeps files of older table versions (VACUUM); at least Delta's 7-day safety margin.",
          range(168, 87_600));
  public static final Setting<Boolean> SYMLINK_MANIFEST =
      new Setting<>(PREFIX + "bi.symlinkManifest", "false", "true or false",
          "When true, maintain writes symlink manifests (_symlink_format_manifest/) of the gold tables for Presto, Athena and Redshift Spectrum.",
          Settings::bool);
  public static final Setting<Optional<String>> CATALOG_DATABASE =
      new Setting<>(PREFIX + "catalog.database", "", "empty, or a database name (letters, digits, _)",
          "When set, each run registers the silver and gold tables in the session's catalog as <database>.<layer>_<table>.",
          text -> text.isEmpty() ? Optional.empty() : text.matches("[A-Za-z_][A-Za-z0-9_]*") ? Optional.of(text) : null);
  public static final Setting<Double> MAX_REJECT_RATIO =
      new Setting<>(PREFIX + "quality.maxRejectRatio", "0.05", "a number from 0 to 1",
          "Share of rejected rows per dataset above which a stage exits 3 (once minRejects is reached).", Settings::ratio);
  public static final Setting<Integer> MIN_REJECTS =
      new Setting<>(PREFIX + "quality.minRejects", "10", "a whole number from 1 to 1000000000",
          "Rejected rows a dataset's batch may have whatever its size: the ratio gate applies from this many on, so 2 bad rows of 8 in a small reference file are quarantined without failing the run.",
          range(1, 1_000_000_000));
  public static final Setting<String> FINE_TUNING_AS =
      new Setting<>(PREFIX + "workload.fineTuning", "training", "training or inference",
          "Which side fine_tuning usage counts on.", Settings::workloadClass);
  public static final Setting<String> EVALUATION_AS =
      new Setting<>(PREFIX + "workload.evaluation", "inference", "training or inference",
          "Which side evaluation usage counts on.", Settings::workloadClass);

  public static final List<Setting<?>> ALL =
      List.of(LANDING, LAKE, COMPANY_ALIASES, HORIZON_MONTHS, BOOTSTRAP, BLOCK_MONTHS, SEGMENTS,
          FORECAST_DRIVERS, SCENARIO_CAPITAL_GROWTH, SCENARIO_CAPACITY_SHARE, EVIDENCE_OFFSET_SCALE,
          EVIDENCE_INCLUDE_FORECASTS, RETENTION_HOURS, SYMLINK_MANIFEST, CATALOG_DATABASE, MAX_REJECT_RATIO, MIN_REJECTS, FINE_TUNING_AS, EVALUATION_AS);

  private final String landing;
  private final String lake;
  private final String companyAliases;
  private final int horizonMonths;
  private final int bootstrap;
  private final int blockMonths;
  private final List<String> segments;
  private final List<String> drivers;
  private final Optional<Double> capitalGrowth;
  private final Optional<Double> capacityShare;
  private final double evidenceOffsetScale;
  private final boolean evidenceIncludeForecasts;
  private final int retentionHours;
  private final boolean symlinkManifest;
  private final Optional<String> catalogDatabase;
  private final double maxRejectRatio;
  private final int minRejects;
  private final String fineTuningAs;
  private final String evaluationAs;

  private Settings(Map<String, String> conf) {
    rejectUnknownKeys(conf);
    landing = LANDING.read(conf.get(LANDING.key()));
    lake = LAKE.read(conf.get(LAKE.key()));
    companyAliases = COMPANY_ALIASES.read(conf.get(COMPANY_ALIASES.key()));
    horizonMonths = HORIZON_MONTHS.read(conf.get(HORIZON_MONTHS.key()));
    bootstrap = BOOTSTRAP.read(conf.get(BOOTSTRAP.key()));
    blockMonths = BLOCK_MONTHS.read(conf.get(BLOCK_MONTHS.key()));
    segments = SEGMENTS.read(conf.get(SEGMENTS.key()));
    drivers = FORECAST_DRIVERS.read(conf.get(FORECAST_DRIVERS.key()));
    capitalGrowth = SCENARIO_CAPITAL_GROWTH.read(conf.get(SCENARIO_CAPITAL_GROWTH.key()));
    capacityShare = SCENARIO_CAPACITY_SHARE.read(conf.get(SCENARIO_CAPACITY_SHARE.key()));
    requireDriver(SCENARIO_CAPITAL_GROWTH, capitalGrowth, "capital");
    requireDriver(SCENARIO_CAPACITY_SHARE, capacityShare, "capacity");
    evidenceOffsetScale = EVIDENCE_OFFSET_SCALE.read(conf.get(EVIDENCE_OFFSET_SCALE.key()));
    evidenceIncludeForecasts = EVIDENCE_INCLUDE_FORECASTS.read(conf.get(EVIDENCE_INCLUDE_FORECASTS.key()));
    retentionHours = RETENTION_HOURS.read(conf.get(RETENTION_HOURS.key()));
    symlinkManifest = SYMLINK_MANIFEST.read(conf.get(SYMLINK_MANIFEST.key()));
    catalogDatabase = CATALOG_DATABASE.read(conf.get(CATALOG_DATABASE.key()));
    maxRejectRatio = MAX_REJECT_RATIO.read(conf.get(MAX_REJECT_RATIO.key()));
    minRejects = MIN_REJECTS.read(conf.get(MIN_REJECTS.key()));
    fineTuningAs = FINE_TUNING_AS.read(conf.get(FINE_TUNING_AS.key()));
    evaluationAs = EVALUATION_AS.read(conf.get(EVALUATION_AS.key()));
  }

  /** Reads the settings from Spark properties; keys outside {@link #PREFIX} are ignored. */
  public static Settings from(Map<String, String> sparkConf) {
    return new Settings(sparkConf);
  }

  public static Settings defaults() {
    return new Settings(Map.of());
  }

  /** A scenario for a driver the model does not use would change nothing: say so rather than ignore it. */
  private void requireDriver(Setting<Optional<Double>> scenario, Optional<Double> value, String driver) {
    if (value.isPresent() && !drivers.contains(driver)) {
      throw Errors.invalidSetting(scenario.key(), String.valueOf(value.get()),
          "no value unless " + FORECAST_DRIVERS.key() + " includes " + driver + " (it is " + FORECAST_DRIVERS.key()
              + "=" + (drivers.isEmpty() ? "none" : String.join(",", drivers)) + ")");
    }
  }

  private static void rejectUnknownKeys(Map<String, String> conf) {
    Set<String> known = ALL.stream().map(Setting::key).collect(Collectors.toSet());
    for (String key : conf.keySet()) {
      if (key.startsWith(PREFIX) && !known.contains(key)) {
        throw Errors.invalidSetting(key, conf.get(key), "a known setting: " + known.stream().sorted().toList());
      }
    }
  }

  public String landing() { return landing; }
  public String lake() { return lake; }
  public String companyAliases() { return companyAliases; }
  public int horizonMonths() { return horizonMonths; }
  public int bootstrap() { return bootstrap; }
  public int blockMonths() { return blockMonths; }
  public List<String> segments() { return segments; }
  public List<String> drivers() { return drivers; }
  public Optional<Double> capitalGrowth() { return capitalGrowth; }
  public Optional<Double> capacityShare() { return capacityShare; }
  public double evidenceOffsetScale() { return evidenceOffsetScale; }
  public boolean evidenceIncludeForecasts() { return evidenceIncludeForecasts; }
  public int retentionHours() { return retentionHours; }
  public boolean symlinkManifest() { return symlinkManifest; }
  public Optional<String> catalogDatabase() { return catalogDatabase; }
  public double maxRejectRatio() { return maxRejectRatio; }

  public int minRejects() { return minRejects; }
  public String fineTuningAs() { return fineTuningAs; }
  public String evaluationAs() { return evaluationAs; }

  /** The Markdown table docs/settings.md must contain. */
  public static String docTable() {
    StringBuilder table = new StringBuilder("| property | default | accepts | meaning |\n| --- | --- | --- | --- |\n");
    for (Setting<?> s : ALL) {
      String defaultValue = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
      table.append("| `").append(s.key()).append("` | ").append(defaultValue).append(" | ")
          .append(s.accepted()).append(" | ").append(s.doc()).append(" |\n");
    }
    return table.toString();
  }

  private static String nonEmpty(String text) {
    return text.isEmpty() ? null : text;
  }

  private static Function<String, Integer> range(int min, int max) {
    return text -> {
      int value = Integer.parseInt(text);
      return value >= min && value <= max ? value : null;
    };
  }

  private static Boolean bool(String text) {
    return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
  }

  private static Double ratio(String text) {
    double value = Double.parseDouble(text);
    return value >= 0 && value <= 1 ? value : null;
  }

  private static String workloadClass(String text) {
    return text.equals("training") || text.equals("inference") ? text : null;
  }

  private static List<String> segmentColumns(String text) {
    return subsetOf(SEGMENT_COLUMNS, text);
  }

  /** The named members of {@code allowed} in the order given, or null when a name is not allowed. */
  private static List<String> subsetOf(List<String> allowed, String text) {
    if (text.isEmpty() || text.equals("none")) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : Arrays.stream(text.split(",")).map(String::trim).toList()) {
      if (!allowed.contains(name)) {
        return null;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static Optional<Double> optional(String text, java.util.function.DoublePredicate valid) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    double value = Double.parseDouble(text);
    return valid.test(value) ? Optional.of(value) : null;
  }
}
