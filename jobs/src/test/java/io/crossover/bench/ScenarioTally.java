package io.crossover.bench;

import io.crossover.forecast.Estimate;
import io.crossover.forecast.Flags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One scenario's figures, added up seed by seed: for the regions' estimates and, apart, for the market's. */
final class ScenarioTally {
  /** A probability of crossing within the horizon below this says "it will not cross" (the plateau's right answer). */
  static final double UNLIKELY = 0.2;

  private final Misspecification scenario;
  private final Side regions = new Side();
  private final Side market = new Side();
  private int seeds;

  ScenarioTally(Misspecification scenario) {
    this.scenario = scenario;
  }

  void add(MisspecifiedLanding.Landing landing, TelemetryFit.Fitted fitted) {
    seeds++;
    for (int r = 0; r < fitted.regions().size(); r++) {
      regions.add(fitted.regions().get(r), landing.regionTruth(r));
    }
    market.add(fitted.market(), landing.marketTruth());
  }

  static String tableHeader() {
    return "| scenario | seeds | region p10–p90 holds truth, strict / incl. (projected) | market, strict / incl."
        + " (projected) | median p90 − p10, region / market (months) | median \\|p50 − truth\\|, region / market"
        + " (months) | slope_break fires, region / market"
        + " | autocorrelated fires, region / market | damped, region / market | P(within horizon) < 0.2, region / market"
        + " | region statuses | market statuses |\n"
        + "| --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  }

  String tableRow() {
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s / %s | %s / %s | %s / %s | %s / %s | %s / %s | %s / %s | %s | %s |%n",
        scenario.label(), seeds, regions.coverageCell(), market.coverageCell(),
        months(regions.medianWidth()), months(market.medianWidth()),
        months(regions.medianAbsError()), months(market.medianAbsError()),
        regions.flagRate(Flags.SLOPE_BREAK), market.flagRate(Flags.SLOPE_BREAK),
        regions.flagRate(Flags.AUTOCORRELATED), market.flagRate(Flags.AUTOCORRELATED),
        regions.flagRate(Flags.DAMPED), market.flagRate(Flags.DAMPED),
        percent(regions.unlikelyRate()), percent(market.unlikelyRate()), regions.statusCell(), market.statusCell());
  }

  /** The figures as key=value pairs on one line, NaN where a figure has nothing to count. */
  String line() {
    return String.format(Locale.ROOT, "telemetry: scenario=%s seeds=%d region_projected=%d region_coverage=%.3f"
        + " region_coverage_inclusive=%.3f market_projected=%d market_coverage=%.3f market_coverage_inclusive=%.3f"
        + " region_median_width=%.1f market_median_width=%.1f region_median_abs_error=%.1f market_median_abs_error=%.1f slope_break_region=%.3f slope_break_market=%.3f"
        + " autocorrelated_region=%.3f autocorrelated_market=%.3f damped_region=%.3f damped_market=%.3f"
        + " unlikely_region=%.3f unlikely_market=%.3f",
        scenario.label(), seeds, regions.projected, regions.strictRate(), regions.inclusiveRate(), market.projected,
        market.strictRate(), market.inclusiveRate(), regions.medianWidth(), market.medianWidth(), regions.medianAbsError(), market.medianAbsError(),
        regions.flagFraction(Flags.SLOPE_BREAK), market.flagFraction(Flags.SLOPE_BREAK),
        regions.flagFraction(Flags.AUTOCORRELATED), market.flagFraction(Flags.AUTOCORRELATED),
        regions.flagFraction(Flags.DAMPED), market.flagFraction(Flags.DAMPED),
        regions.unlikelyRate(), market.unlikelyRate());
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  private static String months(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** The counts of one kind of estimate (region or market) over the seeds. */
  private static final class Side {
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> flagged = new TreeMap<>();
    private final List<Integer> absErrors = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private int estimates;
    private int withFlags;
    private int unlikely;
    private int projected;
    private int strictlyInside;
    private int inclusivelyInside;

    void add(TelemetryFit.Outcome outcome, int truth) {
      estimates++;
      statuses.merge(outcome.status(), 1, Integer::sum);
      if (outcome.flags() != null) {
        withFlags++;
        outcome.flags().forEach(f -> flagged.merge(f, 1, Integer::sum));
      }
      Double within = outcome.probabilityWithinHorizon();
      unlikely += within != null && within < UNLIKELY ? 1 : 0;
      if (!outcome.status().equals(Estimate.PROJECTED) || truth == MisspecifiedLanding.NONE) {
        return;
      }
      projected++;
      // The issue counts an interval that ends at the true month as missing it; the inclusive rate is shown beside.
      strictlyInside += outcome.p10() < truth && truth < outcome.p90() ? 1 : 0;
      inclusivelyInside += outcome.p10() <= truth && truth <= outcome.p90() ? 1 : 0;
      if (outcome.p50() != MisspecifiedLanding.NONE) {
        absErrors.add(Math.abs(outcome.p50() - truth));
      }
      if (outcome.p90() != MisspecifiedLanding.NONE) {
        widths.add(outcome.p90() - outcome.p10());
      }
    }

    double strictRate() {
      return projected == 0 ? Double.NaN : (double) strictlyInside / projected;
    }

    double inclusiveRate() {
      return projected == 0 ? Double.NaN : (double) inclusivelyInside / projected;
    }

    String coverageCell() {
      return projected == 0 ? "– (0)" : String.format(Locale.ROOT, "%s / %s (%d)", percent(strictRate()),
          percent(inclusiveRate()), projected);
    }

    double medianAbsError() {
      return median(absErrors);
    }

    /** How wide p10–p90 is: an interval of a month or two cannot hold the truth strictly inside. */
    double medianWidth() {
      return median(widths);
    }

    private static double median(List<Integer> values) {
      return values.isEmpty() ? Double.NaN : values.stream().sorted().toList().get(values.size() / 2);
    }

    double flagFraction(String flag) {
      return withFlags == 0 ? Double.NaN : (double) flagged.getOrDefault(flag, 0) / withFlags;
    }

    /** "n/a" when the model gives no flags. */
    String flagRate(String flag) {
      return withFlags == 0 ? "n/a" : percent(flagFraction(flag));
    }

    double unlikelyRate() {
      return estimates == 0 ? Double.NaN : (double) unlikely / estimates;
    }

    String statusCell() {
      return statuses.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
  }
}
