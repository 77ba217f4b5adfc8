package io.crossover.yarn;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * Starts Hadoop's MiniYARNCluster (one ResourceManager, one NodeManager) and writes its configuration,
 * with the ports it bound, to the file given first; the other arguments are key=value settings. Runs
 * until the process is stopped.
 */
public final class MiniYarnMain {
  private MiniYarnMain() {}

  public static void main(String[] args) throws Exception {
    Path written = Path.of(args[0]);
    YarnConfiguration conf = new YarnConfiguration();
    for (int i = 1; i < args.length; i++) {
      String[] setting = args[i].split("=", 2);
      conf.set(setting[0], setting[1]);
    }
    MiniYARNCluster cluster = new MiniYARNCluster("crossover", 1, 1, 1);
    cluster.init(conf);
    cluster.start();
    Configuration started = cluster.getConfig();
    // The ResourceManager's port is known only once it listens.
    while (started.get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0")) {
      Thread.sleep(100);
    }
    Path partial = written.resolveSibling(written.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      started.writeXml(out);
    }
    Files.move(partial, written, StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }
}
