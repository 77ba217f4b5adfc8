package io.crossover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark end to end at a tiny scale: every measurement runs and the last line parses. */
class BenchSmokeTest {

  @Test
  void aTinyBenchPrintsEveryRatioAndTheMachineReadableLine(@TempDir Path work) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LocalDate runDate = LocalDate.of(2026, 11, 26);
    String report = BenchMain.measure(new Bench(SparkTestSession.get(), work, runDate,
        new PrintStream(log, true, StandardCharsets.UTF_8)), 20_000, 1000, 20, runDate, work);
    assertThat(report).contains("| scan floor").contains("| incremental day (+20 events").contains("DuckDB")
        .contains("1,000 segments")
        .contains("| copy floor").contains("forecast at its largest settings (segments region, org, chip, vendor; bootstrap 20)")
        .containsPattern("- of which forecast \\| [0-9.]+ \\| \\d+% of this run");
    assertThat(report.strip().lines().reduce((a, b) -> b).orElseThrow()).matches(
        "bench: events=20000 full_over_scan=\\d+\\.\\d\\d incremental_over_full=0\\.\\d{3}"
            + " spark_over_duckdb=\\d+\\.\\d\\d fits_per_s_per_core=\\d+ driver_rss_gib=\\d+\\.\\d\\d");
  }
}
