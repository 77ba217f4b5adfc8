package io.crossover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `bin/crossover` started as its own process group (as Airflow's worker starts a task), its output
 * in a log file, so a test can watch it, kill the whole group with SIGKILL, or wait for its exit.
 */
final class CrossoverProcess {
  private final Process process;
  private final Path log;

  private CrossoverProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code bin/crossover args...} with the lake, landing and settings in {@code conf}. */
  static CrossoverProcess start(Path log, Map<String, String> conf, Map<String, String> environment, String... args) {
    // setsid makes the launcher the leader of a new process group, so one signal reaches every process of the run.
    List<String> command = new ArrayList<>(List.of("setsid", "bash", "../bin/crossover"));
    command.addAll(List.of(args));
    conf.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    try {
      return new CrossoverProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** `run --run-date D` on a local lake and landing, with the test suite's bootstrap size. */
  static CrossoverProcess run(Path log, Path landing, Path lake, String runDate) {
    return start(log, Map.of("spark.crossover.landing", landing.toString(), "spark.crossover.lake", lake.toString(),
        "spark.crossover.forecast.bootstrap", "50"), Map.of(), "run", "--run-date", runDate);
  }

  /** Everything the run printed so far (stdout and stderr). */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the exit, at most {@code minutes}; the exit code. */
  int waitFor(int minutes) throws InterruptedException {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      killGroup();
      throw new IllegalStateException("bin/crossover did not end within " + minutes + " min; output:\n" + output());
    }
    return process.exitValue();
  }

  /** SIGKILL to the whole process group: no shutdown hook, no finally block runs. */
  void killGroup() throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    process.waitFor(1, TimeUnit.MINUTES);
  }
}
