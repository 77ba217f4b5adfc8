package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** bin/crossover (conf/java-options) and the tests (pom) give the JVM the same Spark flags. */
class JavaOptionsTest {

  @Test
  void launcherAndTestJvmUseTheSameSparkFlags() throws IOException {
    List<String> launcher = Files.readAllLines(Path.of("../conf/java-options")).stream()
        .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    Matcher pom = Pattern.compile("<spark.jvm.options>(.*?)</spark.jvm.options>", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("../pom.xml")));
    assertThat(pom.find()).isTrue();
    assertThat(Arrays.asList(pom.group(1).trim().split("\\s+"))).isEqualTo(launcher);
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .as("surefire passes the pom's flags to this JVM")
        .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-XX:+IgnoreUnrecognizedVMOptions");
  }
}
