package io.crossover.forecast;

import io.crossover.config.Settings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What-if paths for the drivers after the origin; a null value follows the driver's own trend.
 * The baseline has none, and its rows are the ones BI tools read by default.
 *
 * @param capitalGrowth annual growth rate of trailing-12-month capital raised
 * @param capacityShare inference-designed share of installed capacity, held
 */
public record Scenario(Double capitalGrowth, Double capacityShare) implements Serializable {
  public static final String BASELINE = "baseline";
  public static final Scenario NONE = new Scenario(null, null);

  public static Scenario of(Settings settings) {
    return new Scenario(settings.capitalGrowth().orElse(null), settings.capacityShare().orElse(null));
  }

  /** {@value #BASELINE}, or the overrides as {@code key=value} pairs, e.g. {@code capitalGrowth=-0.3}. */
  public String name() {
    List<String> parts = new ArrayList<>();
    if (capitalGrowth != null) {
      parts.add("capitalGrowth=" + capitalGrowth);
    }
    if (capacityShare != null) {
      parts.add("capacityShare=" + capacityShare);
    }
    return parts.isEmpty() ? BASELINE : String.join(",", parts);
  }

  /** The fixed value a scenario gives {@code driver}, if any. */
  Optional<Double> override(Driver driver) {
    return Optional.ofNullable(driver == Driver.CAPITAL ? capitalGrowth : capacityShare);
  }
}
