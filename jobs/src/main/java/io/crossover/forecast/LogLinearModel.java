package io.crossover.forecast;

/**
 * The second model: each workload grows log-linearly on its own, {@code log(training) = c₁ + d₁·t}
 * and {@code log(inference) = c₂ + d₂·t}; the crossover is where the lines meet. Months where
 * either workload is zero are left out of both fits.
 */
public final class LogLinearModel implements Model {
  public static final String NAME = "loglinear";

  private final int[] months;
  private final double[] t;
  private final LinearFit training;
  private final LinearFit inference;
  private final double[] trainingResidual;
  private final double[] inferenceResidual;

  public LogLinearModel(History history, int origin) {
    int n = 0;
    for (int i = 0; i < history.size(); i++) {
      if (history.training()[i] > 0 && history.inference()[i] > 0) {
        n++;
      }
    }
    months = new int[n];
    t = new double[n];
    double[] logTraining = new double[n];
    double[] logInference = new double[n];
    for (int i = 0, k = 0; i < history.size(); i++) {
      if (history.training()[i] > 0 && history.inference()[i] > 0) {
        months[k] = history.months()[i];
        t[k] = history.months()[i] - origin;
        logTraining[k] = Math.log(history.training()[i]);
        logInference[k] = Math.log(history.inference()[i]);
        k++;
      }
    }
    training = LinearFit.ordinary(t, logTraining);
    inference = LinearFit.ordinary(t, logInference);
    trainingResidual = new double[n];
    inferenceResidual = new double[n];
    for (int i = 0; i < n; i++) {
      trainingResidual[i] = logTraining[i] - training.at(t[i]);
      inferenceResidual[i] = logInference[i] - inference.at(t[i]);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Curves fitted() {
    return new Fitted(training.intercept(), training.slope(), inference.intercept(), inference.slope());
  }

  @Override
  public int[] months() {
    return months.clone();
  }

  @Override
  public Curves replicate(int[] indices) {
    int n = t.length;
    double[] trainingStar = new double[n];
    double[] inferenceStar = new double[n];
    for (int i = 0; i < n; i++) {
      trainingStar[i] = training.at(t[i]) + trainingResidual[indices[i]];
      inferenceStar[i] = inference.at(t[i]) + inferenceResidual[indices[i]];
    }
    LinearFit tr = LinearFit.ordinary(t, trainingStar);
    LinearFit in = LinearFit.ordinary(t, inferenceStar);
    return new Fitted(tr.intercept(), tr.slope(), in.intercept(), in.slope());
  }

  @Override
  public int observations() {
    return t.length;
  }

  @Override
  public double r2() {
    return Math.min(training.r2(), inference.r2());
  }

  @Override
  public double rmse() {
    return Math.max(training.rmse(), inference.rmse());
  }

  /** log(training) = c1 + d1·t, log(inference) = c2 + d2·t. */
  record Fitted(double c1, double d1, double c2, double d2) implements Curves {
    @Override
    public double share(double t) {
      return Curves.logistic((c2 + d2 * t) - (c1 + d1 * t));
    }

    @Override
    public double total(double t) {
      return Math.exp(c1 + d1 * t) + Math.exp(c2 + d2 * t);
    }
  }
}
