package io.crossover.forecast.evidence;

import java.io.Serializable;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Erf;

/**
 * The penalised maximum-likelihood fit of the evidence model: {@code logit s(t) = a + b·t} (t in
 * years from the origin) for the reference definition; a claim observes the logit of the mean of s
 * over its period plus the offsets of its measure and scope, with normal noise whose standard
 * deviation grows with its status (confirmed ≤ press_report ≤ estimate) and with its published
 * range. A bound is a censored term. Offsets carry a normal prior of scale {@code offsetScale}
 * (the shrinkage toward "every definition measures the same thing"); the noise scales a weak
 * log-normal prior so that two or three rows of one status cannot make it zero.
 */
public final class EvidenceFit {
  /** Prior median of each step of the noise scale (logit), and the spread of its log. */
  static final double NOISE_STEP_PRIOR = 0.25;
  static final double NOISE_LOG_SD = 0.5;
  /** A weak prior on the slope (logit per year) that only matters when the evidence cannot place it. */
  static final double SLOPE_PRIOR_SD = 5.0;
  private static final int MAX_ITERATIONS = 200;
  private static final double MAX_DAMPING = 1e12;
  private static final double GRADIENT_TOLERANCE = 1e-7;

  /**
   * A fitted path: intercept a (logit at the origin), slope b (per year), offsets per term (with
   * whether any claim carried the term, else it sits at the prior's zero), noise per status.
   */
  public record Path(double intercept, double slope, double[] offsets, boolean[] informed, double[] noise,
      boolean converged)
      implements Serializable {

    /** The reference share at {@code years} from the origin. */
    public double share(double years) {
      return EvidenceDesign.sigmoid(intercept + slope * years);
    }
  }

  private final EvidenceDesign design;
  private final double offsetScale;

  EvidenceFit(EvidenceDesign design, double offsetScale) {
    this.design = design;
    this.offsetScale = offsetScale;
  }

  /** The fit from a neutral start. */
  Path fit() {
    int parameters = 2 + design.terms.size() + EvidenceDesign.STATUSES.size();
    double[] start = new double[parameters];
    start[0] = meanLogitShare();
    start[1] = 0.5;
    for (int j = 0; j < EvidenceDesign.STATUSES.size(); j++) {
      start[2 + design.terms.size() + j] = Math.log(NOISE_STEP_PRIOR);
    }
    return fit(start);
  }

  /** The fit from another fit's parameters: a bootstrap replicate starts where the point fit ended. */
  Path fit(Path from) {
    int terms = design.terms.size();
    double[] start = new double[2 + terms + EvidenceDesign.STATUSES.size()];
    start[0] = from.intercept();
    start[1] = from.slope();
    System.arraycopy(from.offsets(), 0, start, 2, terms);
    double previous = 0;
    for (int j = 0; j < EvidenceDesign.STATUSES.size(); j++) {
      start[2 + terms + j] = Math.log(from.noise()[j] - previous);
      previous = from.noise()[j];
    }
    return fit(start);
  }

  /**
   * Damped Newton (Levenberg–Marquardt on the Hessian): the gradient is exact, the Hessian its
   * forward difference, each step solved by Commons Math's Cholesky. Commons Math's conjugate
   * gradient reached the same optimum about twenty times slower, and the bootstrap refits hundreds of times.
   */
  private Path fit(double[] start) {
    int n = start.length;
    double[] theta = start.clone();
    double[] gradient = new double[n];
    double value = objective(theta, gradient);
    double damping = 1e-3;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if (maxAbs(gradient) < GRADIENT_TOLERANCE) {
        return path(theta, true);
      }
      double[][] hessian = hessian(theta, gradient);
      boolean stepped = false;
      while (damping < MAX_DAMPING && !stepped) {
        double[] step = newtonStep(hessian, gradient, damping);
        if (step != null) {
          double[] candidate = new double[n];
          for (int i = 0; i < n; i++) {
            candidate[i] = theta[i] + step[i];
          }
          double[] candidateGradient = new double[n];
          double candidateValue = objective(candidate, candidateGradient);
          if (candidateValue <= value) {
            boolean settled = value - candidateValue < 1e-12 * (1 + Math.abs(value));
            theta = candidate;
            gradient = candidateGradient;
            value = candidateValue;
            damping = Math.max(damping / 10, 1e-12);
            stepped = true;
            if (settled && maxAbs(gradient) < 1e-3) {
              return path(theta, true);
            }
          }
        }
        if (!stepped) {
          damping *= 10;
        }
      }
      if (!stepped) {
        return path(theta, maxAbs(gradient) < 1e-3);
      }
    }
    return path(theta, false);
  }

  private double[][] hessian(double[] theta, double[] gradient) {
    int n = theta.length;
    double[][] hessian = new double[n][n];
    double[] shifted = theta.clone();
    double[] shiftedGradient = new double[n];
    for (int j = 0; j < n; j++) {
      double h = 1e-6 * Math.max(1, Math.abs(theta[j]));
      shifted[j] = theta[j] + h;
      java.util.Arrays.fill(shiftedGradient, 0);
      objective(shifted, shiftedGradient);
      shifted[j] = theta[j];
      for (int i = 0; i < n; i++) {
        hessian[i][j] = (shiftedGradient[i] - gradient[i]) / h;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (hessian[i][j] + hessian[j][i]) / 2;
        hessian[i][j] = mean;
        hessian[j][i] = mean;
      }
    }
    return hessian;
  }

  /** The step solving (H + damping·diag(max(|H_ii|, 1))) d = -g, or null when that matrix is not positive definite. */
  private static double[] newtonStep(double[][] hessian, double[] gradient, double damping) {
    int n = gradient.length;
    double[][] damped = new double[n][];
    for (int i = 0; i < n; i++) {
      damped[i] = hessian[i].clone();
      damped[i][i] += damping * Math.max(Math.abs(hessian[i][i]), 1);
    }
    try {
      RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(damped, false), 1e-12, 1e-14)
          .getSolver().solve(new ArrayRealVector(gradient).mapMultiply(-1));
      return step.toArray();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return null;
    }
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private Path path(double[] theta, boolean converged) {
    int terms = design.terms.size();
    double[] offsets = java.util.Arrays.copyOfRange(theta, 2, 2 + terms);
    double[] noise = new double[EvidenceDesign.STATUSES.size()];
    double scale = 0;
    for (int j = 0; j < noise.length; j++) {
      scale += Math.exp(theta[2 + terms + j]);
      noise[j] = scale;
    }
    boolean[] informed = new boolean[terms];
    for (int i = 0; i < design.size(); i++) {
      if (design.measureTerm[i] >= 0) {
        informed[design.measureTerm[i]] = true;
      }
      if (design.scopeTerm[i] >= 0) {
        informed[design.scopeTerm[i]] = true;
      }
    }
    return new Path(theta[0], theta[1], offsets, informed, noise, converged);
  }

  /** The claim's expected logit share under {@code path}: logit of the period's mean share, plus its offsets. */
  static double expectedLogit(EvidenceDesign design, int i, Path path) {
    double mean = 0;
    for (int k = 0; k < design.years[i].length; k++) {
      mean += design.weights[i][k] * path.share(design.years[i][k]);
    }
    return EvidenceDesign.logit(mean) + offset(design, i, path.offsets());
  }

  static double offset(EvidenceDesign design, int i, double[] offsets) {
    return (design.measureTerm[i] < 0 ? 0 : offsets[design.measureTerm[i]])
        + (design.scopeTerm[i] < 0 ? 0 : offsets[design.scopeTerm[i]]);
  }

  /** The claim's noise variance: its status's scale squared plus its range's. */
  static double variance(EvidenceDesign design, int i, Path path) {
    double sd = path.noise()[design.statusRank[i]];
    return sd * sd + design.rangeVariance[i];
  }

  /** The negative log posterior at {@code theta}; fills {@code gradient} when it is not null. */
  double objective(double[] theta, double[] gradient) {
    int terms = design.terms.size();
    int noiseAt = 2 + terms;
    double a = theta[0];
    double b = theta[1];
    double[] steps = new double[EvidenceDesign.STATUSES.size()];
    double[] scale = new double[steps.length];
    double running = 0;
    for (int j = 0; j < steps.length; j++) {
      steps[j] = Math.exp(theta[noiseAt + j]);
      running += steps[j];
      scale[j] = running;
    }
    double value = 0;
    for (int i = 0; i < design.size(); i++) {
      double mean = 0;
      double dMeanDa = 0;
      double dMeanDb = 0;
      for (int k = 0; k < design.years[i].length; k++) {
        double s = EvidenceDesign.sigmoid(a + b * design.years[i][k]);
        double w = design.weights[i][k] * s * (1 - s);
        mean += design.weights[i][k] * s;
        dMeanDa += w;
        dMeanDb += w * design.years[i][k];
      }
      mean = Math.min(1 - 1e-12, Math.max(1e-12, mean));
      double mu = Math.log(mean / (1 - mean)) + offset(design, i, theta, 2);
      double sd = scale[design.statusRank[i]];
      double variance = sd * sd + design.rangeVariance[i];
      double dValueDMu;
      double dValueDVariance;
      if (design.censoring[i] == 0) {
        double residual = design.logitShare[i] - mu;
        value += 0.5 * residual * residual / variance + 0.5 * Math.log(variance);
        dValueDMu = -residual / variance;
        dValueDVariance = 0.5 * (1 / variance - residual * residual / (variance * variance));
      } else {
        double z = design.censoring[i] * (mu - design.logitShare[i]) / Math.sqrt(variance);
        value -= logNormalCdf(z);
        double mills = inverseMills(z);
        dValueDMu = -mills * design.censoring[i] / Math.sqrt(variance);
        dValueDVariance = mills * z / (2 * variance);
      }
      if (gradient == null) {
        continue;
      }
      double dMuDMean = 1 / (mean * (1 - mean));
      gradient[0] += dValueDMu * dMuDMean * dMeanDa;
      gradient[1] += dValueDMu * dMuDMean * dMeanDb;
      if (design.measureTerm[i] >= 0) {
        gradient[2 + design.measureTerm[i]] += dValueDMu;
      }
      if (design.scopeTerm[i] >= 0) {
        gradient[2 + design.scopeTerm[i]] += dValueDMu;
      }
      double dValueDSd = dValueDVariance * 2 * sd;
      for (int j = 0; j <= design.statusRank[i]; j++) {
        gradient[noiseAt + j] += dValueDSd * steps[j];
      }
    }
    value += 0.5 * b * b / (SLOPE_PRIOR_SD * SLOPE_PRIOR_SD);
    for (int t = 0; t < terms; t++) {
      value += 0.5 * theta[2 + t] * theta[2 + t] / (offsetScale * offsetScale);
    }
    double priorCentre = Math.log(NOISE_STEP_PRIOR);
    for (int j = 0; j < steps.length; j++) {
      double d = theta[noiseAt + j] - priorCentre;
      value += 0.5 * d * d / (NOISE_LOG_SD * NOISE_LOG_SD);
    }
    if (gradient != null) {
      gradient[1] += b / (SLOPE_PRIOR_SD * SLOPE_PRIOR_SD);
      for (int t = 0; t < terms; t++) {
        gradient[2 + t] += theta[2 + t] / (offsetScale * offsetScale);
      }
      for (int j = 0; j < steps.length; j++) {
        gradient[noiseAt + j] += (theta[noiseAt + j] - priorCentre) / (NOISE_LOG_SD * NOISE_LOG_SD);
      }
    }
    return value;
  }

  private static double offset(EvidenceDesign design, int i, double[] theta, int at) {
    return (design.measureTerm[i] < 0 ? 0 : theta[at + design.measureTerm[i]])
        + (design.scopeTerm[i] < 0 ? 0 : theta[at + design.scopeTerm[i]]);
  }

  private double meanLogitShare() {
    double sum = 0;
    for (double y : design.logitShare) {
      sum += y;
    }
    return design.size() == 0 ? 0 : sum / design.size();
  }

  /** log Φ(z), with the tail's asymptotic form where Φ underflows. */
  static double logNormalCdf(double z) {
    if (z < -30) {
      return -0.5 * z * z - Math.log(-z) - 0.5 * Math.log(2 * Math.PI);
    }
    return Math.log(0.5 * Erf.erfc(-z / Math.sqrt(2)));
  }

  /** φ(z) / Φ(z), the derivative of log Φ(z). */
  static double inverseMills(double z) {
    if (z < -30) {
      return -z;
    }
    double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return density / (0.5 * Erf.erfc(-z / Math.sqrt(2)));
  }
}
