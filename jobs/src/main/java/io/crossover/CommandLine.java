package io.crossover;

import io.crossover.errors.Errors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The application arguments after Spark's own: {@code COMMAND [--run-date YYYY-MM-DD] ...}.
 * Spark options ({@code --conf}, {@code --properties-file}) never reach here: SparkSubmit takes them.
 */
public record CommandLine(String command, LocalDate runDate, boolean runDateGiven, String sql, String out, long scale,
    long seed, int limit, String format, int orgs, boolean dryRun) {

  public static final List<String> COMMANDS =
      List.of("run", "ingest", "refine", "panel", "forecast", "backtest", "maintain", "generate", "sql", "help");
  public static final List<String> FORMATS = List.of("parquet", "csv");

  public static final String USAGE = String.join("\n",
      "usage: bin/crossover COMMAND [options] [--conf k=v]... [--properties-file F]",
      "",
      "commands:",
      "  run        the daily pipeline: ingest, refine, panel, forecast",
      "  ingest     landing files -> bronze (rejected rows -> quarantine)",
      "  refine     bronze -> silver (company ids, USD, PFLOP-days)",
      "  panel      silver -> gold (demand_monthly, capital/supply_quarterly, market_panel)",
      "  forecast   gold/market_panel -> gold/crossover_estimate and gold/crossover_forecast",
      "  backtest   both models by rolling origin -> gold/backtest_metrics (not part of run)",
      "  maintain   compact silver and gold and vacuum old files (weekly; not part of run)",
      "  generate   synthetic usage_events with a known crossover: --out DIR [--scale EVENTS] [--seed S]",
      "             [--format parquet|csv] [--orgs N]",
      "  bench      (bin/crossover only) time the pipeline against a bare scan, DuckDB and the fit rate:",
      "             --events N [--segments M] [--out DIR]; appends the table to docs/performance.md",
      "  sql        query the lake by table name: sql \"SELECT * FROM market_panel\" [--limit N]",
      "",
      "options:",
      "  --run-date YYYY-MM-DD   logical date (default: the landing's asOf in landing.properties, else today,",
      "                          UTC); only data on or before it is used",
      "  --dry-run               check the command, run date and settings, touch no data, exit 0 or 2",
      "  --help                  this text",
      "",
      "exit codes: 0 done, 1 failed, 2 usage or configuration error, 3 input rejected above",
      "spark.crossover.quality.maxRejectRatio, 4 another run kept writing the same table (re-run).",
      "Settings: docs/settings.md; operations: docs/operations.md.");

  public static CommandLine parse(String... args) {
    return parse(Clock.systemUTC(), args);
  }

  /** As {@link #parse(String...)}, with today taken from {@code clock}. */
  public static CommandLine parse(Clock clock, String... args) {
    if (args.length == 0) {
      throw Errors.badArgument("COMMAND", "no command given; expected one of " + COMMANDS + "\n" + USAGE);
    }
    String command = args[0].equals("--help") || args[0].equals("-h") ? "help" : args[0];
    if (!COMMANDS.contains(command)) {
      throw Errors.badArgument(command, "unknown command; expected one of " + COMMANDS);
    }
    LocalDate runDate = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    boolean runDateGiven = false;
    String sql = null;
    String out = null;
    long scale = 50_000;
    long seed = 42;
    int limit = 100;
    String format = "parquet";
    int orgs = 10;
    boolean dryRun = false;
    int i = 1;
    if (command.equals("sql")) {
      if (args.length < 2 || args[1].startsWith("--")) {
        throw Errors.badArgument("sql", "give the query as the next argument, e.g. sql \"SELECT * FROM market_panel\"");
      }
      sql = args[1];
      i = 2;
    }
    for (; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> command = "help";
        case "--run-date" -> {
          runDate = date(value(args, ++i, option));
          runDateGiven = true;
        }
        case "--out" -> out = value(args, ++i, option);
        case "--scale" -> scale = positive(value(args, ++i, option), option);
        case "--seed" -> seed = number(value(args, ++i, option), option);
        case "--limit" -> limit = (int) positive(value(args, ++i, option), option);
        case "--format" -> format = oneOf(value(args, ++i, option), option, FORMATS);
        case "--orgs" -> orgs = (int) positive(value(args, ++i, option), option);
        case "--dry-run" -> dryRun = true;
        default -> throw Errors.badArgument(option, "unknown option; see --help");
      }
    }
    if (command.equals("generate") && out == null) {
      throw Errors.badArgument("--out", "generate needs --out DIR, the landing folder to write into");
    }
    return new CommandLine(command, runDate, runDateGiven, sql, out, scale, seed, limit, format, orgs, dryRun);
  }

  /**
   * The command with its run date settled: the one given, else {@code landingAsOf} for a command
   * that runs stages on the landing (not {@code generate}, which writes one, nor {@code sql}), else today.
   */
  public CommandLine resolveRunDate(Optional<LocalDate> landingAsOf) {
    if (runDateGiven || command.equals("generate") || command.equals("sql") || landingAsOf.isEmpty()) {
      return this;
    }
    return new CommandLine(command, landingAsOf.get(), false, sql, out, scale, seed, limit, format, orgs, dryRun);
  }

  public Optional<String> sqlText() {
    return Optional.ofNullable(sql);
  }

  private static String value(String[] args, int at, String option) {
    if (at >= args.length) {
      throw Errors.badArgument(option, "needs a value");
    }
    return args[at];
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Errors.badArgument("--run-date", "'" + text + "' is not a date as YYYY-MM-DD");
    }
  }

  private static long number(String text, String option) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw Errors.badArgument(option, "'" + text + "' is not a whole number");
    }
  }

  private static String oneOf(String text, String option, List<String> accepted) {
    if (!accepted.contains(text)) {
      throw Errors.badArgument(option, "'" + text + "' is not one of " + accepted);
    }
    return text;
  }

  private static long positive(String text, String option) {
    long value = number(text, option);
    if (value <= 0) {
      throw Errors.badArgument(option, "'" + text + "' must be greater than 0");
    }
    return value;
  }
}
