package io.crossover.ingest;

import static io.crossover.ingest.LandingRecords.MALFORMED_RECORD;
import static io.crossover.ingest.LandingRecords.UNREADABLE_FILE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one CSV or JSON-lines landing file into {@link LandingRecords} rows, inside an executor.
 * Every record comes out, readable or not, with the line it starts on; a file that cannot be read
 * at all comes out as one row naming why.
 */
final class TextFileParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Contract contract;
  private final String file;
  private final List<Row> rows = new ArrayList<>();

  private TextFileParser(Contract contract, String file) {
    this.contract = contract;
    this.file = file;
  }

  static List<Row> parse(Contract contract, String file, String format, Configuration conf) {
    TextFileParser parser = new TextFileParser(contract, file);
    Path path = new Path(file);
    try (Reader reader = new BufferedReader(new InputStreamReader(
        path.getFileSystem(conf).open(path), StandardCharsets.UTF_8), 1 << 16)) {
      if (format.equals("json")) {
        parser.parseJsonLines((BufferedReader) reader);
      } else {
        parser.parseCsv(reader);
      }
    } catch (IOException | RuntimeException e) {
      parser.rows.clear();
      parser.add(new String[0], 0, null, UNREADABLE_FILE, "the file could not be read: " + e);
    }
    return parser.rows;
  }

  private void parseCsv(Reader reader) throws IOException {
    CsvRecordSplitter splitter = new CsvRecordSplitter(reader);
    CsvParser fields = new CsvParser(csvSettings());
    CsvRecordSplitter.Record header = splitter.next();
    if (header == null) {
      add(new String[0], 1, null, UNREADABLE_FILE, "the file is empty: expected a header row");
      return;
    }
    String[] names = fields.parseLine(header.text());
    Map<String, Integer> index = indexColumns(names == null ? new String[0] : names);
    List<String> missing =
        contract.requiredColumns().stream().filter(c -> !index.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      add(new String[0], header.line(), header.text(), UNREADABLE_FILE,
          "the header lacks required columns " + missing + "; it has " + index.keySet()
              + " (is the delimiter a comma?)");
      return;
    }
    CsvRecordSplitter.Record record;
    while ((record = splitter.next()) != null) {
      String[] values = fields.parseLine(record.text());
      int found = values == null ? 0 : values.length;
      if (found != names.length) {
        add(project(values, index), record.line(), record.text(), MALFORMED_RECORD,
            "expected " + names.length + " fields as in the header, found " + found);
      } else {
        add(project(values, index), record.line(), record.text(), null, null);
      }
    }
  }

  private void parseJsonLines(BufferedReader reader) throws IOException {
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
        add(new String[contract.fields().size()], number, line, MALFORMED_RECORD,
            "not a JSON object: " + notJson.getOriginalMessage());
        continue;
      }
      if (node == null || !node.isObject()) {
        add(new String[contract.fields().size()], number, line, MALFORMED_RECORD, "not a JSON object");
        continue;
      }
      String[] values = new String[contract.fields().size()];
      for (int i = 0; i < values.length; i++) {
        JsonNode value = node.get(contract.fields().get(i).name());
        values[i] = value == null || value.isNull() ? null
            : value.isValueNode() ? blankToNull(value.asText()) : value.toString();
      }
      add(values, number, line, null, null);
    }
  }

  private Map<String, Integer> indexColumns(String[] names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        index.putIfAbsent(names[i].trim().toLowerCase(Locale.ROOT), i);
      }
    }
    return index;
  }

  private String[] project(String[] values, Map<String, Integer> index) {
    String[] projected = new String[contract.fields().size()];
    for (int i = 0; i < projected.length; i++) {
      Integer at = index.get(contract.fields().get(i).name());
      if (values != null && at != null && at < values.length) {
        projected[i] = blankToNull(values[at]);
      }
    }
    return projected;
  }

  private void add(String[] values, long line, String raw, String rule, String error) {
    Object[] row = Arrays.copyOf(values, contract.fields().size() + 5, Object[].class);
    int at = contract.fields().size();
    row[at] = file;
    row[at + 1] = line;
    row[at + 2] = raw;
    row[at + 3] = rule;
    row[at + 4] = error;
    rows.add(RowFactory.create(row));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static CsvParserSettings csvSettings() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(4096);
    settings.setNullValue(null);
    settings.setEmptyValue(null);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    return settings;
  }
}
