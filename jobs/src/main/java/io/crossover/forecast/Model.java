package io.crossover.forecast;

/** A demand model fitted to one segment's history, able to refit itself to bootstrap replicates. */
public interface Model {
  String name();

  /** The drivers the model used beside time, comma-separated; empty for none. */
  default String drivers() {
    return "";
  }

  Curves fitted();

  /** Whether the fit's iterations settled; a model fitted in closed form always has. */
  default boolean converged() {
    return true;
  }

  /**
   * The calendar month of each observation the model was fitted to, ascending; a replicate's
   * {@code indices} point into this array.
   */
  int[] months();

  /** The model refitted to the fitted values plus residuals drawn at {@code indices}. */
  Curves replicate(int[] indices);

  int observations();

  double r2();

  double rmse();
}
