package io.crossover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on a stock Spark (StockSpark): one Master and two Workers as their
 * own JVMs on 127.0.0.1, the master's REST server on for cluster-mode drivers' states. Everything
 * started is stopped by close().
 */
final class SparkStandalone implements AutoCloseable {
  private final StockSpark spark;
  private final List<Process> processes = new ArrayList<>();
  private final int masterPort = LocalProcesses.freePort();
  private final int masterUiPort = LocalProcesses.freePort();
  private final int restPort;
  final List<Path> workerDirs = new ArrayList<>();

  private SparkStandalone(StockSpark spark, int restPort) {
    this.spark = spark;
    this.restPort = restPort;
  }

  static SparkStandalone start(Path work, int workers) throws Exception {
    int restPort = LocalProcesses.freePort();
    SparkStandalone cluster = new SparkStandalone(StockSpark.install(work.resolve("spark-home"),
        List.of("spark.master.rest.enabled true", "spark.master.rest.port " + restPort, "spark.ui.enabled false",
            "spark.jars.ivySettings " + Path.of("../conf/ivysettings.xml").toAbsolutePath())),
        restPort);
    cluster.launch(work.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterUiPort),
        "--properties-file", cluster.spark.home().resolve("conf/spark-defaults.conf").toString());
    for (int w = 0; w < workers; w++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + w));
      cluster.workerDirs.add(dir);
      cluster.launch(work.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
          cluster.masterUrl(), "--host", "127.0.0.1", "--cores", "2", "--memory", "3g",
          "--webui-port", String.valueOf(LocalProcesses.freePort()), "--work-dir", dir.toString());
    }
    cluster.awaitWorkers(workers);
    return cluster;
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  private void launch(Path log, String mainClass, String... args) throws IOException {
    processes.add(spark.java("512m", mainClass, List.of(args)).redirectOutput(log.toFile()).start());
  }

  /** spark-submit from {@code workingDir}; its exit code, and its output in {@code log}. */
  int submit(Path workingDir, Path log, List<String> submitArgs) throws IOException, InterruptedException {
    return spark.submit(workingDir, log, submitArgs, Map.of());
  }

  /** The REST server's state of a cluster-mode driver: SUBMITTED, RUNNING, FINISHED, FAILED, ERROR or KILLED. */
  String driverState(String submissionId) throws IOException, InterruptedException {
    String body = http("http://127.0.0.1:" + restPort + "/v1/submissions/status/" + submissionId);
    Matcher state = Pattern.compile("\"driverState\"\\s*:\\s*\"(\\w+)\"").matcher(body);
    return state.find() ? state.group(1) : "UNKNOWN";
  }

  /** The driver the master accepted last (running or completed): each test submits one at a time. */
  String newestDriver() throws IOException, InterruptedException {
    JsonNode master = new ObjectMapper().readTree(http("http://127.0.0.1:" + masterUiPort + "/json/"));
    String newest = null;
    for (String list : List.of("activedrivers", "completeddrivers")) {
      for (JsonNode driver : master.path(list)) {
        String id = driver.get("id").asText();
        if (newest == null || id.compareTo(newest) > 0) {
          newest = id;
        }
      }
    }
    if (newest == null) {
      throw new AssertionError("the master has no driver");
    }
    return newest;
  }

  private void awaitWorkers(int workers) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        String json = http("http://127.0.0.1:" + masterUiPort + "/json/");
        if (json.contains("\"aliveworkers\" : " + workers) || json.contains("\"aliveworkers\":" + workers)) {
          return;
        }
      } catch (IOException notYet) {
        // the master's UI is not up yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Cannot start the cluster: " + workers + " workers did not register within 60 s");
  }

  private static String http(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() {
    processes.forEach(LocalProcesses::stop);
  }
}
