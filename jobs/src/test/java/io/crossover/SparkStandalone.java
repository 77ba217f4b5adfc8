package io.crossover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster from the Maven jars alone: a SPARK_HOME-shaped folder whose
 * jars/ links the build's class path, one Master and two Workers (one core each) as their own JVMs
 * on 127.0.0.1, and SparkSubmit run as a client process. Everything started is stopped by close().
 */
final class SparkStandalone implements AutoCloseable {
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final int masterPort = LocalProcesses.freePort();
  private final int masterUiPort = LocalProcesses.freePort();
  private final int restPort = LocalProcesses.freePort();
  final List<Path> workerDirs = new ArrayList<>();

  private SparkStandalone(Path home) {
    this.home = home;
  }

  static SparkStandalone start(Path work, int workers) throws Exception {
    SparkStandalone cluster = new SparkStandalone(sparkHome(work.resolve("spark-home")));
    cluster.launch(work.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterUiPort),
        "--properties-file", cluster.home.resolve("conf/spark-defaults.conf").toString());
    for (int w = 0; w < workers; w++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + w));
      cluster.workerDirs.add(dir);
      cluster.launch(work.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
          cluster.masterUrl(), "--host", "127.0.0.1", "--cores", "1", "--memory", "1500m",
          "--webui-port", String.valueOf(LocalProcesses.freePort()), "--work-dir", dir.toString());
    }
    cluster.awaitWorkers(workers);
    return cluster;
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** SPARK_HOME with jars/ = links to the runtime class path and the crossover jar, and conf/. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    List<String> entries = new ArrayList<>();
    for (String file : List.of("target/classpath-compile.txt", "target/classpath-runtime.txt")) {
      entries.addAll(List.of(Files.readString(Path.of(file)).trim().split(":")));
    }
    for (String entry : entries) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (entry.endsWith(".jar") && !Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.copy(Path.of("../conf/log4j2.properties"), conf.resolve("log4j2.properties"));
    Files.writeString(conf.resolve("spark-defaults.conf"), String.join("\n",
        "spark.master.rest.enabled true", "spark.ui.enabled false", ""), StandardCharsets.UTF_8);
    return home;
  }

  private void launch(Path log, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", home.resolve("jars") + "/*"));
    command.addAll(javaOptions());
    if (mainClass.endsWith("Master")) {
      command.add("-Dspark.master.rest.port=" + restPort);
    }
    command.add(mainClass);
    command.addAll(List.of(args));
    processes.add(processBuilder(command).redirectOutput(log.toFile()).start());
  }

  /** Runs SparkSubmit as a client process and returns its exit code; its output goes to {@code log}. */
  int submit(Path log, List<String> submitArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", home.resolve("jars") + "/*"));
    command.addAll(javaOptions());
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", masterUrl()));
    command.addAll(submitArgs);
    Process submit = processBuilder(command).redirectOutput(log.toFile()).start();
    processes.add(submit);
    if (!submit.waitFor(10, TimeUnit.MINUTES)) {
      submit.destroyForcibly();
      throw new IllegalStateException("spark-submit did not end within 10 minutes; see " + log);
    }
    return submit.exitValue();
  }

  /** The REST server's state of a cluster-mode driver: SUBMITTED, RUNNING, FINISHED, FAILED, ERROR or KILLED. */
  String driverState(String submissionId) throws IOException, InterruptedException {
    String body = http("http://127.0.0.1:" + restPort + "/v1/submissions/status/" + submissionId);
    java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"driverState\"\\s*:\\s*\"(\\w+)\"").matcher(body);
    return state.find() ? state.group(1) : "UNKNOWN";
  }

  String restUrl() {
    return "spark://127.0.0.1:" + restPort;
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

  private ProcessBuilder processBuilder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("SPARK_CONF_DIR", home.resolve("conf").toString());
    return builder;
  }

  static List<String> javaOptions() throws IOException {
    return Files.readAllLines(Path.of("../conf/java-options")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() {
    processes.forEach(LocalProcesses::stop);
  }
}
