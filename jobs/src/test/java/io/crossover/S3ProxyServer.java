package io.crossover;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the integration tests: S3Proxy (Maven Central) in its own JVM
 * (its class path, built by tools/s3proxy, clashes with hadoop-aws's), bound to 127.0.0.1 with a
 * fixed test key pair and an in-memory store. Stopped by {@link #close()}.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "crossover-test";
  static final String SECRET_KEY = "crossover-test-secret";

  private final Path work;
  private final Path conf;
  private final int port;
  private Process process;

  private S3ProxyServer(Path work, Path conf, int port) {
    this.work = work;
    this.conf = conf;
    this.port = port;
  }

  /** A server keeping its objects in memory: they are gone when it stops. */
  static S3ProxyServer start(Path work) throws IOException, InterruptedException {
    return start(work, List.of("jclouds.provider=transient"));
  }

  /** A server keeping its objects in files under {@code work/s3-data}, so they outlive a restart. */
  static S3ProxyServer startOnDisk(Path work) throws IOException, InterruptedException {
    Path data = Files.createDirectories(work.resolve("s3-data"));
    return start(work, List.of("jclouds.provider=filesystem-nio2", "jclouds.filesystem.basedir=" + data));
  }

  private static S3ProxyServer start(Path work, List<String> store) throws IOException, InterruptedException {
    int port = LocalProcesses.freePort();
    Path conf = work.resolve("s3proxy.conf");
    List<String> lines = new java.util.ArrayList<>(List.of(
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.identity=" + ACCESS_KEY,
        "jclouds.credential=" + SECRET_KEY));
    lines.addAll(store);
    Files.writeString(conf, String.join("\n", lines), StandardCharsets.UTF_8);
    S3ProxyServer server = new S3ProxyServer(work, conf, port);
    server.launch();
    return server;
  }

  /** Starts the server again on the same port, after {@link #close()}. */
  void restart() throws IOException, InterruptedException {
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    Path classpath = Path.of(System.getProperty("crossover.s3proxy.classpath", "../tools/s3proxy/target/classpath.txt"));
    if (!Files.exists(classpath)) {
      throw new IllegalStateException("Cannot start S3Proxy: no class path file (" + classpath
          + "); run mvn from the repository root so tools/s3proxy is built first");
    }
    Path logback = Path.of("src/test/resources/s3proxy-logback.xml").toAbsolutePath();
    process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Dlogback.configurationFile=" + logback,
        "-cp", Files.readString(classpath).trim(), "org.gaul.s3proxy.Main", "--properties", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("s3proxy.log").toFile())).start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!listening()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("S3Proxy did not start; see " + work.resolve("s3proxy.log"));
      }
      Thread.sleep(100);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  void createBucket(String bucket) {
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  /**
   * Creates {@code bucket}, points the session's s3a at this server for that bucket only, and
   * uploads the folder {@code landing} as {@code s3a://<bucket>/landing}.
   */
  void serveLanding(SparkSession spark, String bucket, Path landing) throws IOException {
    createBucket(bucket);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3aSettings(bucket).forEach(hadoop::set);
    FileSystem.get(URI.create("s3a://" + bucket + "/"), hadoop).copyFromLocalFile(false, true,
        new org.apache.hadoop.fs.Path(landing.toUri()), new org.apache.hadoop.fs.Path("s3a://" + bucket + "/landing"));
  }

  /** Hadoop settings that point s3a at this server for {@code bucket} only. */
  Map<String, String> s3aSettings(String bucket) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    return Map.of(prefix + "endpoint", endpoint(), prefix + "path.style.access", "true",
        prefix + "connection.ssl.enabled", "false", prefix + "endpoint.region", "us-east-1",
        prefix + "access.key", ACCESS_KEY, prefix + "secret.key", SECRET_KEY,
        prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() {
    LocalProcesses.stop(process);
  }
}
