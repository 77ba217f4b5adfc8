package io.crossover.bench;

import io.crossover.config.Settings;
import io.crossover.forecast.Months;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The misspecified suite (issue 17): how well the telemetry forecast's p10–p90 holds the true
 * crossover month when the data do not follow its assumptions, over many seeds of
 * {@link MisspecifiedLanding} per {@link Misspecification}. Pure Java, no Spark session.
 * {@code bin/crossover bench telemetry [--seeds N] [--scenario NAME] [--replicates R]}; replicates
 * default to the job's default.
 */
public final class TelemetryStudy {
  static final int DEFAULT_SEEDS = 100;

  private TelemetryStudy() {}

  /** Every scenario's tally over seeds {@code 0..seeds-1}, and the wall-clock seconds per seed (all scenarios). */
  record Result(List<ScenarioTally> tallies, double secondsPerSeed) {}

  static Result run(int seeds, List<Misspecification> scenarios, int replicates) {
    long started = System.nanoTime();
    List<ScenarioTally> tallies = scenarios.stream().map(ScenarioTally::new).toList();
    for (int seed = 0; seed < seeds; seed++) {
      for (int s = 0; s < scenarios.size(); s++) {
        MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(scenarios.get(s), seed);
        tallies.get(s).add(landing, TelemetryFit.fit(landing, replicates));
      }
    }
    return new Result(tallies, (System.nanoTime() - started) / 1e9 / seeds);
  }

  private static Misspecification scenario(String label) {
    try {
      return Misspecification.of(label);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      throw e;
    }
  }

  private static void usage(String problem) {
    System.err.println("crossover: Cannot run bench telemetry: " + problem
        + " (bench telemetry [--seeds N] [--scenario NAME] [--replicates R])");
    System.exit(2);
  }

  public static void main(String[] args) {
    int seeds = DEFAULT_SEEDS;
    int replicates = Settings.BOOTSTRAP.read(Settings.BOOTSTRAP.defaultValue());
    List<Misspecification> scenarios = Arrays.asList(Misspecification.values());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "bench", "telemetry" -> { }
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--replicates" -> replicates = Integer.parseInt(args[++i]);
        case "--scenario" -> scenarios = List.of(scenario(args[++i]));
        default -> usage("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "telemetry forecast on misspecified landings (MisspecifiedLanding: 4 regions,"
        + " %d months to %s, run date %s, %d replicates, seeds 0-%d)%n%n", MisspecifiedLanding.HISTORY_MONTHS,
        Months.start(MisspecifiedLanding.ORIGIN), MisspecifiedLanding.RUN_DATE, replicates,
        seeds - 1);
    Result result = run(seeds, scenarios, replicates);
    StringBuilder table = new StringBuilder(ScenarioTally.tableHeader());
    result.tallies().forEach(t -> table.append(t.tableRow()));
    System.out.println(table);
    System.out.printf(Locale.ROOT, "%.2f s per seed (%d scenarios)%n", result.secondsPerSeed(), scenarios.size());
    result.tallies().forEach(t -> System.out.printf(Locale.ROOT, "%s seconds_per_seed=%.2f%n", t.line(),
        result.secondsPerSeed()));
  }
}
