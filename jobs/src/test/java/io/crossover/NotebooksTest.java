package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The notebooks as committed: the three of them, on the project's kernel, without outputs. */
class NotebooksTest {
  static final Path NOTEBOOKS = Path.of("../notebooks");
  static final List<String> NAMES =
      List.of("01-explore-the-lake.ipynb", "02-crossover-forecast.ipynb", "03-what-if.ipynb");

  @Test
  void theThreeNotebooksAreCommittedOnTheProjectsKernel() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted())
          .containsExactlyElementsOf(NAMES);
    }
    for (String name : NAMES) {
      JsonNode notebook = read(name);
      assertThat(notebook.path("metadata").path("kernelspec").path("name").asText()).as(name)
          .isEqualTo("crossover-java");
    }
  }

  @Test
  void committedNotebooksHaveNoOutputs() throws IOException {
    for (String name : NAMES) {
      for (JsonNode cell : read(name).path("cells")) {
        if (cell.path("cell_type").asText().equals("code")) {
          assertThat(cell.path("outputs")).as(name + ": clear outputs before committing (Cell > All Output > Clear)")
              .isEmpty();
          assertThat(cell.path("execution_count").isNull()).as(name + ": execution_count").isTrue();
        }
      }
    }
  }

  @Test
  void notebooksUseTheProjectsJarNotCopiedLogic() throws IOException {
    for (String name : NAMES) {
      String code = codeOf(read(name));
      assertThat(code).as(name).contains("Lakehouse.open(spark, lakeRoot)").doesNotContain("class ")
          .doesNotContain("SparkSession.builder()");
    }
  }

  static JsonNode read(Path folder, String name) throws IOException {
    return new ObjectMapper().readTree(folder.resolve(name).toFile());
  }

  private static JsonNode read(String name) throws IOException {
    return read(NOTEBOOKS, name);
  }

  static String codeOf(JsonNode notebook) {
    StringBuilder code = new StringBuilder();
    for (JsonNode cell : notebook.path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        JsonNode source = cell.path("source");
        if (source.isArray()) {
          source.forEach(line -> code.append(line.asText()));
        } else {
          code.append(source.asText());
        }
        code.append('\n');
      }
    }
    return code.toString();
  }
}
