package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAGs (airflow/dags) checked by their Python tests against a stand-in of the Airflow
 * names they import, then every task's spark-submit arguments run through the real CLI's --dry-run.
 */
class AirflowDagTest {
  private static final String DAG_TESTS = "../airflow/tests/test_crossover_dag.py";

  @Test
  void theDagTestsPass() throws Exception {
    Process python = new ProcessBuilder("python3", DAG_TESTS).redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(output).isZero();
    assertThat(output).contains("Ran 8 tests").contains("OK");
  }

  @Test
  void everyTaskIsAcceptedByTheCliAndAWrongOneIsNot() throws Exception {
    JsonNode tasks = new ObjectMapper().readTree(pythonOutput("--print-tasks"));
    assertThat(tasks.size()).isEqualTo(6);
    for (JsonNode task : tasks) {
      List<String> args = new ArrayList<>();
      task.get("args").forEach(a -> args.add(a.asText().replace("{{ data_interval_start | ds }}", "2026-11-26")));
      Map<String, String> conf = new HashMap<>();
      task.get("conf").fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
      assertThat(dryRun(conf, args)).as(task.toString()).isZero();
      List<String> misspelled = new ArrayList<>(args);
      misspelled.set(0, args.get(0) + "x");
      assertThat(dryRun(conf, misspelled)).as("a task whose stage the CLI does not know").isEqualTo(2);
    }
  }

  @Test
  void aDryRunRejectsAnImpossibleRunDate() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code = Main.runFromCommandLine(new String[] {"run", "--run-date", "2026-13-01", "--dry-run"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("'2026-13-01' is not a date as YYYY-MM-DD (--run-date)");
  }

  private static int dryRun(Map<String, String> conf, List<String> args) {
    args = new ArrayList<>(args);
    args.add("--dry-run");
    try {
      return Main.dryRun(conf, CommandLine.parse(args.toArray(String[]::new)), new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(new ByteArrayOutputStream()));
    } catch (io.crossover.errors.CrossoverException e) {
      return e.exitCode().code();
    }
  }

  private static String pythonOutput(String flag) throws IOException, InterruptedException {
    Process python = new ProcessBuilder("python3", DAG_TESTS, flag).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).isZero();
    return output;
  }
}
