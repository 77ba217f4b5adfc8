package io.crossover.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossover.SparkTestSession;
import io.crossover.errors.CrossoverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The company aliases travel in the jar, and any Hadoop path overrides them. */
class ReferenceFilesTest {
  private static final Path CONF_ALIASES = Path.of("../conf/company_aliases.csv");
  @TempDir Path dir;

  @Test
  void theBuiltInAliasesAreConfCompanyAliasesRowForRow() throws Exception {
    Lake lake = new Lake(SparkTestSession.get(), dir.toString(), dir.toString());

    List<String> builtIn = rows(lake.readReferenceCsv("company_aliases.csv", true));

    long records = Files.readAllLines(CONF_ALIASES).stream().skip(1).filter(line -> !line.isBlank()).count();
    assertThat(builtIn).hasSize((int) records).isEqualTo(rows(lake.readReferenceCsv(CONF_ALIASES.toString(), false)));
    assertThat(lake.readReferenceCsv("company_aliases.csv", true).columns()).containsExactly("alias", "company_id");
  }

  @Test
  void anAliasesFileAtAHadoopUriReplacesTheBuiltInOne() throws Exception {
    Path own = Files.writeString(dir.resolve("aliases.csv"), "alias,company_id\nAcme Labs,acme\n");
    Lake lake = new Lake(SparkTestSession.get(), dir.toString(), dir.toString());

    assertThat(rows(lake.readReferenceCsv(own.toUri().toString(), false))).containsExactly("[Acme Labs,acme]");
  }

  @Test
  void aMissingAliasesFileNamesThePath() {
    Lake lake = new Lake(SparkTestSession.get(), dir.toString(), dir.toString());
    String missing = dir.resolve("nope.csv").toString();

    assertThatThrownBy(() -> lake.readReferenceCsv(missing, false)).isInstanceOf(CrossoverException.class)
        .hasMessage("Cannot read reference file: the file does not exist (" + missing + ")");
  }

  private static List<String> rows(org.apache.spark.sql.Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
