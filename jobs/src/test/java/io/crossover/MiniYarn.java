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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real YARN: Hadoop's own MiniYARNCluster (a ResourceManager and a NodeManager from
 * hadoop-client-minicluster, started by tools/mini-yarn's MiniYarnMain) in its own JVM,
 * its configuration written to a HADOOP_CONF_DIR that spark-submit reads. Stopped by close().
 */
final class MiniYarn implements AutoCloseable {
  private final Path work;
  private final Path confDir;
  private final Process process;

  private MiniYarn(Path work, Path confDir, Process process) {
    this.work = work;
    this.confDir = confDir;
    this.process = process;
  }

  static MiniYarn start(Path work) throws Exception {
    Path classpath = Path.of(System.getProperty("crossover.miniYarn.classpath", "../tools/mini-yarn/target/classpath.txt"));
    Path launcher = Path.of("../tools/mini-yarn/target/crossover-mini-yarn-classpath-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    if (!Files.exists(classpath) || !Files.exists(launcher)) {
      throw new IllegalStateException("Cannot start YARN: no class path file (" + classpath
          + "); run mvn from the repository root so tools/mini-yarn is built first");
    }
    Path confDir = Files.createDirectories(work.resolve("hadoop-conf"));
    Path written = work.resolve("mini-yarn-site.xml");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", launcher + ":" + Files.readString(classpath).trim(), "io.crossover.yarn.MiniYarnMain",
        written.toString()));
    for (String setting : List.of("yarn.nodemanager.resource.memory-mb=12288", "yarn.nodemanager.resource.cpu-vcores=4",
        "yarn.scheduler.maximum-allocation-mb=4096", "yarn.scheduler.minimum-allocation-mb=256",
        "yarn.nodemanager.vmem-check-enabled=false", "yarn.nodemanager.pmem-check-enabled=false",
        "yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage=99",
        "yarn.resourcemanager.bind-host=127.0.0.1", "yarn.nodemanager.bind-host=127.0.0.1",
        "yarn.timeline-service.enabled=false",
        "yarn.resourcemanager.scheduler.class=org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler")) {
      command.add(setting);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("mini-yarn.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    MiniYarn yarn = new MiniYarn(work, confDir, builder.start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!Files.exists(written) || Files.size(written) == 0) {
      if (!yarn.process.isAlive() || System.nanoTime() > deadline) {
        yarn.close();
        throw new IllegalStateException("YARN did not start; see " + work.resolve("mini-yarn.log"));
      }
      Thread.sleep(500);
    }
    Files.copy(written, confDir.resolve("yarn-site.xml"));
    Files.copy(written, confDir.resolve("core-site.xml"));
    return yarn;
  }

  Path confDir() {
    return confDir;
  }

  /** The application this ResourceManager accepted last: each test submits one at a time. */
  String newestApplication() throws IOException, InterruptedException {
    String newest = null;
    for (JsonNode application : applications()) {
      String id = application.get("id").asText();
      if (newest == null || id.compareTo(newest) > 0) {
        newest = id;
      }
    }
    if (newest == null) {
      throw new AssertionError("the ResourceManager has no application");
    }
    return newest;
  }

  /** The application's final status from the ResourceManager's REST API: SUCCEEDED, FAILED, KILLED or UNDEFINED. */
  String finalStatus(String applicationId) throws IOException, InterruptedException {
    for (JsonNode application : applications()) {
      if (application.get("id").asText().equals(applicationId)) {
        return application.get("finalStatus").asText();
      }
    }
    throw new AssertionError("the ResourceManager has no application " + applicationId);
  }

  private JsonNode applications() throws IOException, InterruptedException {
    String config = Files.readString(confDir.resolve("yarn-site.xml"));
    Matcher webapp = Pattern.compile("<name>yarn\\.resourcemanager\\.webapp\\.address</name>\\s*<value>([^<]+)</value>")
        .matcher(config);
    if (!webapp.find()) {
      throw new IllegalStateException("no yarn.resourcemanager.webapp.address in " + confDir.resolve("yarn-site.xml"));
    }
    String body = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
        .send(HttpRequest.newBuilder(URI.create("http://" + webapp.group(1) + "/ws/v1/cluster/apps"))
            .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    return new ObjectMapper().readTree(body).path("apps").path("app");
  }

  /** The driver's (the application master's, container 1) {@code stderr} or {@code stdout} in cluster mode. */
  String driverLog(String applicationId, String stream) throws IOException {
    String container = "container_" + applicationId.substring("application_".length()) + "_01_000001";
    try (Stream<Path> files = Files.walk(work)) {
      Path log = files.filter(p -> p.getFileName().toString().equals(stream) && p.getParent().getFileName().toString()
          .equals(container)).findFirst().orElseThrow(() -> new AssertionError("no " + stream + " of " + container
          + " under " + work));
      return Files.readString(log);
    }
  }

  @Override
  public void close() {
    LocalProcesses.stop(process);
  }
}
