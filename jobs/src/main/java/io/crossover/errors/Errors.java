package io.crossover.errors;

import java.util.Collection;

/** The one place user-facing errors are made: "Cannot &lt;action&gt;: &lt;reason&gt; (&lt;subject&gt;)". */
public final class Errors {
  private Errors() {}

  private static CrossoverException make(
      ExitCode code, String action, String reason, String subject, Throwable cause) {
    return new CrossoverException(
        code, "Cannot " + action + ": " + reason + " (" + subject + ")", cause);
  }

  public static CrossoverException invalidSetting(String key, String value, String accepted) {
    return make(
        ExitCode.USAGE,
        "read setting",
        "'" + value + "' is not valid; expected " + accepted,
        key,
        null);
  }

  public static CrossoverException badArgument(String argument, String reason) {
    return make(ExitCode.USAGE, "parse the command line", reason, argument, null);
  }

  public static CrossoverException missingLanding(String setting, String path) {
    return make(
        ExitCode.USAGE,
        "read landing files",
        "folder " + path + " does not exist; point " + setting + " at the landing root",
        setting,
        null);
  }

  public static CrossoverException missingColumns(
      String transform, Collection<String> missing, Collection<String> present) {
    return make(
        ExitCode.FAILED,
        "run " + transform,
        "missing columns " + missing + "; present columns are " + present,
        transform,
        null);
  }

  public static CrossoverException rejectsAboveRatio(
      String dataset, long rejected, long total, double maxRatio, int minRejects) {
    return make(
        ExitCode.REJECTS_ABOVE_RATIO,
        "accept " + dataset,
        String.format(
            "%d of %d rows rejected (%.1f%%), above spark.crossover.quality.maxRejectRatio=%s"
                + " (the gate applies from spark.crossover.quality.minRejects=%d rejects);"
                + " see quarantine/%s for the rule, file and line of each",
            rejected, total, total == 0 ? 0.0 : 100.0 * rejected / total, maxRatio, minRejects, dataset),
        "quarantine/" + dataset,
        null);
  }

  public static CrossoverException missingTable(String table, String stage) {
    return make(
        ExitCode.FAILED,
        "read table " + table,
        "it does not exist yet; run the '" + stage + "' stage first",
        table,
        null);
  }

  public static CrossoverException inputNotAsOf(String stage, String table, String asOf, String runDate) {
    return make(
        ExitCode.FAILED,
        "run " + stage + " for " + runDate,
        table + " is as of " + asOf + "; run 'panel --run-date " + runDate + "' (or 'run') first",
        table,
        null);
  }

  public static CrossoverException unreadableReference(String path, String reason, Throwable cause) {
    return make(ExitCode.USAGE, "read reference file", reason, path, cause);
  }

  public static CrossoverException queryFailed(String sql, String reason, Throwable cause) {
    return make(ExitCode.USAGE, "run query", reason, sql, cause);
  }

  public static CrossoverException cannotWrite(String path, String reason, Throwable cause) {
    return make(ExitCode.FAILED, "write", reason, path, cause);
  }

  public static CrossoverException unknownSegment(String segment, Collection<String> known) {
    return make(ExitCode.USAGE, "find segment " + segment, "the forecast has segments " + known, segment, null);
  }

  public static CrossoverException noReplicates(String segment, String model) {
    return make(ExitCode.USAGE, "read the bootstrap replicates of " + model,
        "the segment has too few complete months to fit (status insufficient_history)", segment, null);
  }

  public static CrossoverException unknownTable(String name, Collection<String> known) {
    return make(ExitCode.USAGE, "read table " + name, "not a lake table; the lake's tables are " + known, name, null);
  }

  public static CrossoverException concurrentWrite(String table, int attempts, Throwable cause) {
    return make(ExitCode.CONCURRENT_WRITE, "write " + table,
        "another run committed to it first, " + attempts + " times (" + cause.getClass().getSimpleName()
            + "); the table holds that run's commit, unharmed; re-run this run date when the other run has ended",
        table, cause);
  }

  public static CrossoverException storageUnreachable(String endpoint, String lake, String reason, Throwable cause) {
    return make(ExitCode.FAILED, "reach the lake's storage",
        reason + "; every table keeps its last complete version; re-run this run date once the store answers",
        "endpoint " + endpoint + ", lake " + lake, cause);
  }

  public static CrossoverException storageFailed(String action, String path, String endpoint, String reason,
      Throwable cause) {
    return make(ExitCode.FAILED, action + " " + path,
        reason + "; nothing read from it was recorded and every table keeps its last complete version;"
            + " re-run this run date once the store answers",
        "endpoint " + endpoint, cause);
  }
}
