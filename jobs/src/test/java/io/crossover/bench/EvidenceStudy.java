package io.crossover.bench;

import io.crossover.forecast.Months;
import io.crossover.forecast.evidence.Claim;
import io.crossover.forecast.evidence.EvidenceConfig;
import io.crossover.forecast.evidence.EvidenceModel;
import io.crossover.forecast.evidence.EvidenceTerms;
import io.crossover.generate.EvidenceGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The known-answer study of the evidence model over many seeds of {@link EvidenceGenerator}: how
 * often p10–p90 holds the true crossover month, the median |p50 error|, and the error of the
 * offsets that at least three claims inform. {@code bin/crossover bench evidence [--seeds N]
 * [--replicates R] [--offset-scale S]}; replicates and offset scale default to the job's defaults.
 */
public final class EvidenceStudy {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

  private EvidenceStudy() {}

  /** The study's figures. */
  public record Figures(int seeds, double coverage, double medianAbsErrorMonths, double medianAbsOffsetError,
      double p90AbsOffsetError, int offsetsScored, double secondsPerSeed) {

    String line() {
      return String.format(Locale.ROOT, "seeds %d: p10-p90 holds the true month in %.1f%%; median |p50 error| %.1f"
          + " months; |offset error| median %.3f, p90 %.3f logit over %d offsets informed by >= 3 claims; %.2f s per seed",
          seeds, 100 * coverage, medianAbsErrorMonths, medianAbsOffsetError, p90AbsOffsetError, offsetsScored,
          secondsPerSeed);
    }
  }

  /** The estimate of one seed's evidence, fitted as the stage fits it (claims published by the run date). */
  public static EvidenceModel.Result estimate(EvidenceGenerator.Evidence evidence, int replicates, double offsetScale) {
    List<Claim> known = evidence.claims().stream().filter(c -> !c.publishedOn().isAfter(RUN_DATE)).toList();
    return EvidenceModel.estimate(known, new EvidenceConfig(RUN_DATE.toString(), evidence.truth().origin(), 120,
        replicates, offsetScale, false), false);
  }

  public static Figures run(int seeds, int replicates, double offsetScale) {
    long started = System.nanoTime();
    int covered = 0;
    double[] errors = new double[seeds];
    List<Double> offsetErrors = new ArrayList<>();
    for (int seed = 0; seed < seeds; seed++) {
      EvidenceGenerator.Evidence evidence = EvidenceGenerator.generate(seed, RUN_DATE);
      EvidenceModel.Result result = estimate(evidence, replicates, offsetScale);
      int truth = evidence.truth().crossoverMonth();
      var e = result.estimate();
      int p10 = e.p10() == null ? Integer.MAX_VALUE : Months.index(e.p10());
      int p90 = e.p90() == null ? Integer.MAX_VALUE : Months.index(e.p90());
      covered += p10 <= truth && truth <= p90 ? 1 : 0;
      errors[seed] = e.p50() == null ? 999 : Math.abs(Months.index(e.p50()) - truth);
      for (EvidenceTerms.Row row : result.terms()) {
        String term = row.kind() + ":" + row.name();
        if (evidence.truth().informingRows().getOrDefault(term, 0) >= 3) {
          offsetErrors.add(Math.abs(row.estimate() - evidence.truth().offsets().get(term)));
        }
      }
    }
    Arrays.sort(errors);
    double[] offsets = offsetErrors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Figures(seeds, (double) covered / seeds, errors[seeds / 2],
        offsets.length == 0 ? Double.NaN : offsets[offsets.length / 2],
        offsets.length == 0 ? Double.NaN : offsets[(int) (0.9 * (offsets.length - 1))], offsets.length,
        (System.nanoTime() - started) / 1e9 / seeds);
  }

  public static void main(String[] args) {
    int seeds = 200;
    int replicates = io.crossover.config.Settings.BOOTSTRAP.read(io.crossover.config.Settings.BOOTSTRAP.defaultValue());
    double offsetScale = io.crossover.config.Settings.EVIDENCE_OFFSET_SCALE.read(
        io.crossover.config.Settings.EVIDENCE_OFFSET_SCALE.defaultValue());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "bench", "evidence" -> { }
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--replicates" -> replicates = Integer.parseInt(args[++i]);
        case "--offset-scale" -> offsetScale = Double.parseDouble(args[++i]);
        default -> {
          System.err.println("crossover: Cannot run bench evidence: unknown option " + args[i]
              + " (bench evidence [--seeds N] [--replicates R] [--offset-scale S])");
          System.exit(2);
        }
      }
    }
    System.out.printf(Locale.ROOT, "evidence_logistic known-answer study (EvidenceGenerator, run date %s,"
        + " %d replicates, offset scale %.2f)%n", RUN_DATE, replicates, offsetScale);
    System.out.println(run(seeds, replicates, offsetScale).line());
  }
}
