package io.crossover.generate;

import java.time.YearMonth;
import java.util.List;

/**
 * The known truth behind generated usage: each region has a fixed share (weight) of the month's
 * PFLOP-days; per region, the inference share of PFLOP-days follows a logistic curve {@code s(t) = 1 / (1 + exp(-slope * (t - crossover)))} in months, and total
 * compute grows by {@code monthlyGrowth}. The defaults are calibrated to the published claims in
 * data-samples/share_evidence (Deloitte): inference about a third of compute in 2023, about half in 2025.
 */
public record UsageModel(YearMonth from, YearMonth to, double monthlyGrowth, double slopePerMonth,
    List<Region> regions) implements java.io.Serializable {

  /** A region, its share of compute and the month its inference share crosses one half. */
  public record Region(String name, double weight, YearMonth crossover) implements java.io.Serializable {}

  public static UsageModel calibrated(YearMonth from, YearMonth to) {
    return new UsageModel(from, to, 0.04, 0.0295, List.of(
        new Region("us-east", 0.35, YearMonth.of(2025, 3)),
        new Region("us-west", 0.25, YearMonth.of(2025, 9)),
        new Region("eu-west", 0.25, YearMonth.of(2025, 11)),
        new Region("asia-east", 0.15, YearMonth.of(2026, 2))));
  }

  /** The true inference share of PFLOP-days in a region and month. */
  public double inferenceShare(Region region, YearMonth month) {
    double monthsFromCrossover = region.crossover().until(month, java.time.temporal.ChronoUnit.MONTHS);
    return 1.0 / (1.0 + Math.exp(-slopePerMonth * monthsFromCrossover));
  }

  /** The true market share: regions' inference shares weighted by their share of compute. */
  public double marketShare(YearMonth month) {
    double share = 0;
    for (Region region : regions) {
      share += region.weight() * inferenceShare(region, month);
    }
    return share;
  }

  /** The first month the market share reaches one half, searching up to {@code limit}. */
  public YearMonth marketCrossover(YearMonth limit) {
    for (YearMonth month = from; !month.isAfter(limit); month = month.plusMonths(1)) {
      if (marketShare(month) >= 0.5) {
        return month;
      }
    }
    return null;
  }

  /** The same model over a longer or shorter span. */
  public UsageModel withTo(YearMonth last) {
    return new UsageModel(from, last, monthlyGrowth, slopePerMonth, regions);
  }

  public int months() {
    return (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
  }
}
