package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void readsCommandAndRunDate() {
    CommandLine cli = CommandLine.parse("panel", "--run-date", "2025-06-30");
    assertThat(cli.command()).isEqualTo("panel");
    assertThat(cli.runDate()).isEqualTo(LocalDate.of(2025, 6, 30));
  }

  @Test
  void malformedRunDateIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> CommandLine.parse("run", "--run-date", "2025-02-30"))
        .isInstanceOf(CrossoverException.class)
        .hasMessage("Cannot parse the command line: '2025-02-30' is not a date as YYYY-MM-DD (--run-date)")
        .satisfies(e -> assertThat(((CrossoverException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void unknownCommandListsTheKnownOnes() {
    assertThatThrownBy(() -> CommandLine.parse("forcast"))
        .hasMessageStartingWith("Cannot parse the command line: unknown command; expected one of [run, ingest")
        .hasMessageEndingWith("(forcast)");
  }

  @Test
  void generateNeedsAnOutputFolder() {
    assertThatThrownBy(() -> CommandLine.parse("generate", "--scale", "10"))
        .hasMessageContaining("generate needs --out DIR").hasMessageEndingWith("(--out)");
  }

  @Test
  void sqlTakesTheQueryAsItsArgument() {
    CommandLine cli = CommandLine.parse("sql", "SELECT 1", "--limit", "5");
    assertThat(cli.sqlText()).contains("SELECT 1");
    assertThat(cli.limit()).isEqualTo(5);
  }

  @Test
  void mainExitsTwoOnAUsageErrorWithoutStartingSparkAndSaysWhyOnStderr() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Main.runFromCommandLine(new String[] {"run", "--run-date", "yesterday"},
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("(--run-date)");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpPrintsTheCommandsAndExitCodes() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code = Main.runFromCommandLine(new String[] {"--help"}, new PrintStream(printed, true, StandardCharsets.UTF_8),
        System.err);
    assertThat(code).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("run        the daily pipeline").contains("exit codes: 0 done");
  }
}
