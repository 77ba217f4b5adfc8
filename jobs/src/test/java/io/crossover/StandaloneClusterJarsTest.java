package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class StandaloneClusterJarsTest {
  private final URLClassLoader driverLoader = new URLClassLoader(new URL[] {
      url("file:/work/worker-1/driver-1/crossover-jobs.jar"), url("file:/root/.ivy2.5.2/jars/io.delta_delta-spark_2.13-4.4.0.jar")},
      null);

  @Test
  void shipsThePackagesOnTheDriversClassLoaderButNotTheWorkersCopyOfTheApplicationJar() {
    SparkConf conf = new SparkConf(false).set("spark.master", "spark://master:7077")
        .set("spark.submit.deployMode", "cluster").set("spark.jars.packages", "io.delta:delta-spark_2.13:4.4.0")
        .set("spark.jars", "file:/home/me/crossover-jobs.jar");

    assertThat(StandaloneClusterJars.jarsToShip(conf, driverLoader)).contains(
        "file:/home/me/crossover-jobs.jar,file:/root/.ivy2.5.2/jars/io.delta_delta-spark_2.13-4.4.0.jar");
  }

  @Test
  void leavesClientModeYarnAndRunsWithoutPackagesAlone() {
    SparkConf client = new SparkConf(false).set("spark.master", "spark://master:7077")
        .set("spark.submit.deployMode", "client").set("spark.jars.packages", "io.delta:delta-spark_2.13:4.4.0");
    SparkConf yarn = client.clone().set("spark.master", "yarn").set("spark.submit.deployMode", "cluster");
    SparkConf noPackages = client.clone().set("spark.submit.deployMode", "cluster").remove("spark.jars.packages");

    assertThat(StandaloneClusterJars.jarsToShip(client, driverLoader)).isEmpty();
    assertThat(StandaloneClusterJars.jarsToShip(yarn, driverLoader)).isEmpty();
    assertThat(StandaloneClusterJars.jarsToShip(noPackages, driverLoader)).isEmpty();
  }

  private static URL url(String spec) {
    try {
      return new URL(spec);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
