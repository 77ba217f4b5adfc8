package io.crossover.errors;

/** Process exit codes, as Airflow and shell users read them. */
public enum ExitCode {
  DONE(0),
  FAILED(1),
  USAGE(2),
  REJECTS_ABOVE_RATIO(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
