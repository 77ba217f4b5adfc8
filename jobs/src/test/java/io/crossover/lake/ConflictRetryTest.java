package io.crossover.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.ExitCode;
import io.delta.exceptions.ConcurrentAppendException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
  private static final String TABLE = "/lake/gold/market_panel";

  @Test
  void aWriteRejectedOnceForAConcurrentCommitIsWrittenAgain() {
    AtomicInteger attempts = new AtomicInteger();

    String written = ConflictRetry.write(TABLE, () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new ConcurrentAppendException("Files were added by a concurrent update");
      }
      return "version 7";
    });

    assertThat(written).isEqualTo("version 7");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aWriteRejectedEveryTimeExitsFourNamingTheTableAfterFourAttempts() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> ConflictRetry.write(TABLE, () -> {
      attempts.incrementAndGet();
      throw new ConcurrentAppendException("Files were added by a concurrent update");
    })).isInstanceOfSatisfying(CrossoverException.class, e -> {
      assertThat(e.exitCode()).isEqualTo(ExitCode.CONCURRENT_WRITE);
      assertThat(e.getMessage()).isEqualTo("Cannot write /lake/gold/market_panel: another run committed to it"
          + " first, 4 times (ConcurrentAppendException); the table holds that run's commit, unharmed; re-run"
          + " this run date when the other run has ended (/lake/gold/market_panel)");
    });
    assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
  }

  @Test
  void otherFailuresAreNotRepeated() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> ConflictRetry.write(TABLE, () -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("disk full");
    })).hasMessage("disk full");
    assertThat(attempts).hasValue(1);
  }
}
