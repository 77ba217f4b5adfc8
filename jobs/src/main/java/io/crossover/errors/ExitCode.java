package io.crossover.errors;

/** Process exit codes, as Airflow and shell users read them. */
public enum ExitCode {
  DONE(0),
  FAILED(1),
  USAGE(2),
  REJECTS_ABOVE_RATIO(3),
  /** Another run kept committing to the same table; re-running the same run date is safe. */
  CONCURRENT_WRITE(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
