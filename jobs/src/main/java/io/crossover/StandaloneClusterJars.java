package io.crossover;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkConf;

/**
 * Ships {@code --packages} to the executors of a standalone cluster-mode driver. There Spark's
 * DriverWrapper resolves the packages again on the worker and puts them on the driver's class loader
 * only, leaving {@code spark.jars} with the application jar alone: executors then lack Delta, and its
 * functions fail to deserialize. The driver's class loader holds exactly the jars to ship.
 */
final class StandaloneClusterJars {
  private StandaloneClusterJars() {}

  /** The {@code spark.jars} this driver needs, when it is a standalone cluster-mode driver with packages. */
  static Optional<String> jarsToShip(SparkConf conf, ClassLoader driverLoader) {
    boolean standaloneClusterDriver = conf.get("spark.master", "").startsWith("spark://")
        && "cluster".equals(conf.get("spark.submit.deployMode", "client"));
    if (!standaloneClusterDriver || conf.get("spark.jars.packages", "").isBlank()
        || !(driverLoader instanceof URLClassLoader loader)) {
      return Optional.empty();
    }
    Set<String> jars = new LinkedHashSet<>(Arrays.asList(conf.get("spark.jars", "").split(",")));
    jars.remove("");
    Set<String> names = new LinkedHashSet<>();
    jars.forEach(jar -> names.add(fileName(jar)));
    for (URL url : loader.getURLs()) {
      // The worker's copy of the application jar is on the loader too; Spark refuses one name at two paths.
      if (url.getPath().endsWith(".jar") && names.add(fileName(url.getPath()))) {
        jars.add(url.toString());
      }
    }
    return Optional.of(String.join(",", jars));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
