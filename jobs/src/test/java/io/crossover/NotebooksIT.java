package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * `bin/notebooks --execute`: every notebook run top to bottom by Jupyter (nbconvert) on the
 * project's Java kernel, against a lake built from data-samples. -DskipNotebooks skips it where
 * Jupyter is not installed, and says so in the build output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksIT {
  private static final Path EXECUTED = Path.of("../target/notebooks");
  private String output;

  @BeforeAll
  void executeTheNotebooks() throws IOException, InterruptedException {
    if (Boolean.getBoolean("skipNotebooks")) {
      System.err.println("NOTEBOOKS SKIPPED (-DskipNotebooks): notebooks/ were not executed");
      Assumptions.abort("notebooks skipped with -DskipNotebooks");
    }
    Process notebooks = new ProcessBuilder("bash", "../bin/notebooks", "--execute").redirectErrorStream(true).start();
    output = new String(notebooks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(notebooks.waitFor(20, TimeUnit.MINUTES)).isTrue();
    assertThat(notebooks.exitValue())
        .as("bin/notebooks --execute (install Jupyter: apt-get install --no-install-recommends"
            + " jupyter-nbconvert, or skip with -DskipNotebooks):\n" + output)
        .isZero();
  }

  @Test
  void everyCellRunsWithoutErrorAndEveryNotebookShowsItsCharts() throws IOException {
    List<Integer> minimumImages = List.of(1, 5, 2);
    for (int i = 0; i < NotebooksTest.NAMES.size(); i++) {
      String name = NotebooksTest.NAMES.get(i);
      assertThat(output).contains(name + " executed in");
      JsonNode notebook = NotebooksTest.read(EXECUTED, name);
      int images = 0;
      for (JsonNode cell : notebook.path("cells")) {
        if (!cell.path("cell_type").asText().equals("code")) {
          continue;
        }
        assertThat(cell.path("execution_count").isInt()).as(name + ": every code cell ran").isTrue();
        for (JsonNode out : cell.path("outputs")) {
          assertThat(out.path("output_type").asText()).as(name + ": " + out).isNotEqualTo("error");
          if (out.path("data").has("image/png")) {
            images++;
          }
        }
      }
      assertThat(images).as(name + ": inline PNG charts").isGreaterThanOrEqualTo(minimumImages.get(i));
    }
  }

  @Test
  void theNotebooksShowTheLakeTheEstimatesAndTheScenarios() throws IOException {
    assertThat(textOf("01-explore-the-lake.ipynb")).contains("usage_events").contains("missing_required_value")
        .contains("rows_quarantined").contains("2026-10-01");
    assertThat(textOf("02-crossover-forecast.ipynb")).contains("crossed").contains("logistic_share")
        .contains("replicates cross within the horizon").contains("status=projected").contains("Deloitte")
        .contains("p_crossed").contains("shift_months").contains("|measure|spend_share");
    assertThat(textOf("03-what-if.ipynb")).contains("capital -30%/yr").contains("capital +100%/yr")
        .contains("projected");
  }

  private static String textOf(String name) throws IOException {
    StringBuilder text = new StringBuilder();
    for (JsonNode cell : NotebooksTest.read(EXECUTED, name).path("cells")) {
      for (JsonNode out : cell.path("outputs")) {
        append(text, out.path("text"));
        append(text, out.path("data").path("text/plain"));
        append(text, out.path("data").path("text/html"));
      }
    }
    return text.toString();
  }

  /** Jupyter stores multi-line text as a list of lines or as one string. */
  private static void append(StringBuilder text, JsonNode value) {
    if (value.isArray()) {
      value.forEach(line -> text.append(line.asText()));
    } else {
      text.append(value.asText());
    }
  }
}
