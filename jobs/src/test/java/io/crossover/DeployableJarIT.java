package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user submits holds what docs/deploy.md says it holds: crossover, the report's chart
 * library, the Delta kernel and the company aliases, and nothing a cluster or packages provide.
 */
class DeployableJarIT {
  private static final Path JAR = Path.of("target/crossover-jobs.jar");

  @Test
  void theJarHoldsWhatAStockSparkLacksAndNothingItHas() throws IOException {
    List<String> entries;
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).as("crossover, the chart the report draws, the kernel TableLog reads commits with, the aliases")
        .contains("io/crossover/Main.class", "org/knowm/xchart/BitmapEncoder.class",
            "io/delta/kernel/TableManager.class", "io/delta/kernel/defaults/engine/DefaultEngine.class",
            "company_aliases.csv");
    assertThat(entries).as("nothing Spark, Hadoop, Scala, Delta Spark or logging provide")
        .noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("org/apache/hadoop/")
            || e.startsWith("scala/") || e.startsWith("io/delta/tables/") || e.startsWith("org/slf4j/")
            || e.startsWith("org/apache/logging/"));
    assertThat(Files.readString(Path.of("../docs/deploy.md")))
        .contains("XChart").contains("Delta kernel").contains("company aliases are built into the jar");
  }
}
