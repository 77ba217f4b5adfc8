package io.crossover.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A model's fitted curves and its bootstrap replicates, for one segment or summed over several.
 *
 * @param drivers the drivers used beside time, comma-separated (for a sum: those of any part)
 * @param converged whether the fit settled (for a sum: every part's did)
 */
public record CurveSet(String model, String drivers, Curves fitted, List<Curves> replicates, boolean converged)
    implements Serializable {

  /** The stream every segment's and model's block draws come from, with the run date. */
  static final String BLOCK_STREAM = "calendar-blocks";

  /**
   * Bootstraps {@code model} with circular blocks of calendar months drawn from the run date's
   * stream, the same draws for every segment and model (see {@link BlockBootstrap}).
   */
  public static CurveSet bootstrap(Model model, ForecastConfig config) {
    int[] months = model.months();
    SplittableRandom random = new SplittableRandom(BlockBootstrap.seed(config.runDate(), BLOCK_STREAM));
    int start = config.historyStart() == ForecastConfig.OWN_HISTORY ? months[0] : Math.min(config.historyStart(), months[0]);
    int calendarMonths = config.origin() - start + 1;
    List<Curves> replicates = new ArrayList<>(config.replicates());
    for (int r = 0; r < config.replicates(); r++) {
      int[] positions = BlockBootstrap.circularPositions(calendarMonths, config.blockMonths(), random);
      replicates.add(model.replicate(BlockBootstrap.observationIndices(months, start, positions)));
    }
    return new CurveSet(model.name(), model.drivers(), model.fitted(), replicates, model.converged());
  }

  /** The market as the sum of its segments, replicate by replicate. */
  public static CurveSet sum(String model, List<CurveSet> parts) {
    List<Curves> fitted = parts.stream().map(CurveSet::fitted).toList();
    int replicates = parts.stream().mapToInt(p -> p.replicates().size()).min().orElse(0);
    List<Curves> summed = new ArrayList<>(replicates);
    for (int r = 0; r < replicates; r++) {
      int at = r;
      summed.add(new Summed(parts.stream().map(p -> p.replicates().get(at)).toList()));
    }
    String drivers = parts.stream().flatMap(p -> java.util.Arrays.stream(p.drivers().split(",")))
        .filter(d -> !d.isEmpty()).distinct().sorted().collect(java.util.stream.Collectors.joining(","));
    return new CurveSet(model, drivers, new Summed(fitted), summed, parts.stream().allMatch(CurveSet::converged));
  }

  /** Inference and training added up over segments; the share is that of the sums. */
  record Summed(List<Curves> parts) implements Curves {
    @Override
    public double share(double t) {
      double inference = 0;
      double total = 0;
      for (Curves part : parts) {
        inference += part.inference(t);
        total += part.total(t);
      }
      return total == 0 ? 0 : inference / total;
    }

    @Override
    public double total(double t) {
      double total = 0;
      for (Curves part : parts) {
        total += part.total(t);
      }
      return total;
    }
  }
}
