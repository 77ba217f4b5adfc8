package io.crossover.errors;

/**
 * A failure a user can act on. Built only by {@link Errors}, so every message has the form
 * "Cannot &lt;action&gt;: &lt;reason&gt; (&lt;subject&gt;)" and carries the exit code it means.
 */
public final class CrossoverException extends RuntimeException {
  private final ExitCode exitCode;

  CrossoverException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
