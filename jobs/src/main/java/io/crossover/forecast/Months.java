package io.crossover.forecast;

import java.time.LocalDate;

/** Months as whole numbers (year * 12 + month - 1), so arithmetic on them is plain addition. */
public final class Months {
  private Months() {}

  public static int index(LocalDate date) {
    return date.getYear() * 12 + date.getMonthValue() - 1;
  }

  public static LocalDate start(int index) {
    return LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
  }
}
