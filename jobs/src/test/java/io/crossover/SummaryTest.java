package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static String printed(Row... estimates) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Summary.printEstimates(new PrintStream(bytes, true, StandardCharsets.UTF_8), LocalDate.of(2026, 11, 26), 120,
        "baseline", List.of(estimates));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachStatusWithoutDatesSaysWhatHappenedAndTheFlagsFollow() {
    String out = printed(
        RowFactory.create("all", "plateau", null, null, null, 0.03, "", "slope_break,autocorrelated"),
        RowFactory.create("region=a", "fell_back", null, null, null, null, "", ""),
        RowFactory.create("region=b", "always_above", null, null, null, null, "", "gaps"),
        RowFactory.create("region=c", "projected", Date.valueOf("2027-01-01"), Date.valueOf("2027-03-01"),
            Date.valueOf("2027-06-01"), 0.97, "", "pooled"));
    assertThat(out).contains("plateau         levels off below 0.5: no date  flags: slope_break,autocorrelated")
        .contains("fell_back       was above 0.5 and is below again: no date")
        .contains("crossed before the history, no date  flags: gaps")
        .contains("p50 2027-03  (p10 2027-01 – p90 2027-06)  P(within 120 months) = 0.97  flags: pooled")
        .doesNotContain("too little history");
  }
}
