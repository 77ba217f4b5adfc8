package io.crossover.lake;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which build of crossover is running: a table computed by another build is recomputed rather than trusted. */
final class Build {
  private static final Logger LOG = LoggerFactory.getLogger(Build.class);

  private Build() {}

  static String id() {
    java.util.Properties build = new java.util.Properties();
    try (var in = Build.class.getResourceAsStream("/crossover-build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      LOG.warn("crossover-build.properties unreadable; tables will be recomputed on every run", e);
    }
    return build.getProperty("version", "unknown") + "@" + build.getProperty("built", Long.toString(System.nanoTime()));
  }
}
