package io.crossover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stock Spark 4.2 installation for the deployment tests: a SPARK_HOME whose jars/ is what a Spark
 * distribution holds (tools/stock-spark: Spark's own modules from Maven Central, nothing of
 * crossover's) and whose conf/spark-defaults.conf is the platform's, and spark-submit run from it.
 */
final class StockSpark {
  private final Path home;

  private StockSpark(Path home) {
    this.home = home;
  }

  /** Lays out {@code home} with the stock jars and {@code platformDefaults} as conf/spark-defaults.conf. */
  static StockSpark install(Path home, List<String> platformDefaults) throws IOException {
    Path stockJars = Path.of(System.getProperty("crossover.stockSpark.jars", "../tools/stock-spark/target/spark-home/jars"))
        .toAbsolutePath();
    if (!Files.isDirectory(stockJars)) {
      throw new IllegalStateException("Cannot install Spark: no stock Spark jars (" + stockJars
          + "); run mvn from the repository root so tools/stock-spark is built first");
    }
    Files.createDirectories(home);
    Files.createSymbolicLink(home.resolve("jars"), stockJars);
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.copy(Path.of("../conf/log4j2.properties"), conf.resolve("log4j2.properties"));
    List<String> defaults = new ArrayList<>(platformDefaults);
    defaults.add("");
    Files.writeString(conf.resolve("spark-defaults.conf"), String.join("\n", defaults), StandardCharsets.UTF_8);
    return new StockSpark(home);
  }

  Path home() {
    return home;
  }

  Path jars() {
    return home.resolve("jars");
  }

  /** A JVM on the stock jars, with the class path and environment bin/spark-class sets up. */
  ProcessBuilder java(String heap, String mainClass, List<String> args) throws IOException {
    return java(heap, mainClass, args, Map.of());
  }

  private ProcessBuilder java(String heap, String mainClass, List<String> args, Map<String, String> environment)
      throws IOException {
    // As bin/spark-class: Spark's conf folder, then HADOOP_CONF_DIR (how SparkSubmit finds YARN), then jars/.
    List<String> classpath = new ArrayList<>(List.of(home.resolve("conf").toString()));
    if (environment.containsKey("HADOOP_CONF_DIR")) {
      classpath.add(environment.get("HADOOP_CONF_DIR"));
    }
    classpath.add(jars() + "/*");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-cp", String.join(":", classpath)));
    command.addAll(javaOptions());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("SPARK_CONF_DIR", home.resolve("conf").toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    return builder;
  }

  /**
   * Runs {@code spark-submit <args>} as the distribution's bin/spark-submit does (SparkSubmit on
   * jars/) from {@code workingDir} with {@code environment} added, and returns its exit code; its
   * output goes to {@code log}.
   */
  int submit(Path workingDir, Path log, List<String> args, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = java("1g", "org.apache.spark.deploy.SparkSubmit", args, environment)
        .directory(workingDir.toFile()).redirectOutput(log.toFile());
    Process submit = builder.start();
    try {
      if (!submit.waitFor(15, TimeUnit.MINUTES)) {
        throw new IllegalStateException("spark-submit did not end within 15 minutes; see " + log);
      }
      return submit.exitValue();
    } finally {
      LocalProcesses.stop(submit);
    }
  }

  static List<String> javaOptions() throws IOException {
    return Files.readAllLines(Path.of("../conf/java-options")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }
}
