package io.crossover.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageFailureTest {
  private static final Map<String, String> PROPERTIES = Map.of(
      "spark.hadoop.fs.s3a.endpoint", "https://s3.example.com",
      "spark.hadoop.fs.s3a.bucket.lake-bucket.endpoint", "http://127.0.0.1:9000");

  @Test
  void aRefusedConnectionDeepInTheCausesNamesTheBucketsEndpointAndTheLake() {
    var failure = new RuntimeException("Job aborted", new IOException("s3a://lake-bucket/gold: write failed",
        new ConnectException("Connection refused")));

    var explained = StorageFailure.explain(failure, PROPERTIES, "s3a://lake-bucket/lake");

    assertThat(explained).hasValueSatisfying(e -> assertThat(e.getMessage()).isEqualTo(
        "Cannot reach the lake's storage: Connection refused; every table keeps its last complete version;"
            + " re-run this run date once the store answers (endpoint http://127.0.0.1:9000, lake s3a://lake-bucket/lake)"));
  }

  @Test
  void anotherBucketUsesTheGeneralEndpointAndALocalLakeNamesItsPath() {
    assertThat(StorageFailure.endpoint(PROPERTIES, "s3a://other/lake")).isEqualTo("https://s3.example.com");
    assertThat(StorageFailure.endpoint(PROPERTIES, "/data/lake")).isEqualTo("local file system");
    assertThat(StorageFailure.endpoint(PROPERTIES, "hdfs://namenode:8020/lake")).isEqualTo("hdfs://namenode:8020");
  }

  @Test
  void aFailureWithoutAnIoCauseIsNotAStorageFailure() {
    assertThat(StorageFailure.explain(new IllegalStateException("bad plan", new ArithmeticException("/ by zero")),
        PROPERTIES, "s3a://lake-bucket/lake")).isEmpty();
  }

  @Test
  void aUserFacingErrorThrownInATaskIsReportedAsItIs() {
    var inTask = new Storage(new org.apache.hadoop.conf.Configuration(false))
        .failure("read", "s3a://landing/usage_events/a.csv", new IOException("Connection reset"));
    var failure = new RuntimeException("Job aborted due to stage failure", inTask);

    assertThat(StorageFailure.explain(failure, PROPERTIES, "s3a://lake-bucket/lake")).containsSame(inTask);
    assertThat(inTask.getMessage()).isEqualTo("Cannot read s3a://landing/usage_events/a.csv: Connection reset;"
        + " nothing read from it was recorded and every table keeps its last complete version;"
        + " re-run this run date once the store answers (endpoint AWS S3, region endpoint)");
  }
}
