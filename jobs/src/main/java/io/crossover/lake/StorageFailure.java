package io.crossover.lake;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.Errors;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a failure to reach the lake's storage (an object store that went away, a refused or
 * reset connection, a timeout) anywhere in an exception's causes, and names the endpoint, so an
 * operator reads "the store at X did not answer" rather than a stack trace.
 */
public final class StorageFailure {
  private static final Set<String> NETWORK_FAILURES = Set.of(
      "java.net.ConnectException", "java.net.SocketException", "java.net.SocketTimeoutException",
      "java.net.NoRouteToHostException", "java.net.UnknownHostException",
      "org.apache.http.conn.HttpHostConnectException", "org.apache.http.NoHttpResponseException",
      "org.apache.hadoop.fs.s3a.AWSClientIOException", "org.apache.hadoop.net.ConnectTimeoutException");

  private StorageFailure() {}

  /**
   * The storage error {@code failure} amounts to, if any of its causes is a network failure;
   * {@code sparkProperties} give the s3a endpoint of the lake's bucket.
   */
  public static Optional<CrossoverException> explain(Throwable failure, Map<String, String> sparkProperties,
      String lakeRoot) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (NETWORK_FAILURES.contains(cause.getClass().getName())) {
        return Optional.of(Errors.storageUnreachable(endpoint(sparkProperties, lakeRoot), lakeRoot,
            rootMessage(cause), failure));
      }
    }
    return Optional.empty();
  }

  /** The endpoint the lake's file system talks to: the bucket's s3a endpoint, s3a's, or the lake's URI. */
  static String endpoint(Map<String, String> sparkProperties, String lakeRoot) {
    String scheme = "s3a://";
    if (!lakeRoot.startsWith(scheme)) {
      return lakeRoot;
    }
    String bucketName = lakeRoot.substring(scheme.length()).split("/", 2)[0];
    String bucket = sparkProperties.get("spark.hadoop.fs.s3a.bucket." + bucketName + ".endpoint");
    String any = sparkProperties.get("spark.hadoop.fs.s3a.endpoint");
    return bucket != null ? bucket : any != null ? any : "AWS S3, region endpoint";
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
