package io.crossover.ingest;

import static io.crossover.ingest.LandingRecords.MALFORMED_RECORD;
import static io.crossover.ingest.LandingRecords.UNREADABLE_FILE;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crossover.errors.CrossoverException;
import io.crossover.lake.Storage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Streams one CSV or JSON-lines landing file as {@link LandingRecords} rows, inside an executor,
 * holding one record at a time. Every record comes out, readable or not, with the line it starts
 * on; a file whose content cannot be parsed at all (empty, a header without the required columns)
 * comes out as one row naming why. A failure of the store (the file cannot be opened, or a read
 * fails part way) is not a content problem: it fails the task with a storage error (Spark retries
 * the task; the run fails if the store keeps failing), so the file is not recorded as ingested and
 * the next run reads it whole.
 */
final class TextFileParser implements Iterator<Row> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Contract contract;
  private final String file;
  private final boolean json;
  private final Storage storage;
  private BufferedReader reader;
  private CsvRecordSplitter splitter;
  private CsvParser fields;
  private String[] header;
  private Map<String, Integer> index;
  private long jsonLine;
  private Row next;
  private boolean done;

  private TextFileParser(Contract contract, String file, String format, Configuration conf) {
    this.contract = contract;
    this.file = file;
    this.json = format.equals("json");
    this.storage = new Storage(conf);
  }

  static Iterator<Row> parse(Contract contract, String file, String format, Configuration conf) {
    return new TextFileParser(contract, file, format, conf);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file);
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row advance() {
    try {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(storage.open(file), StandardCharsets.UTF_8), 1 << 16);
        if (!json) {
          Row problem = readHeader();
          if (problem != null) {
            return finish(problem);
          }
        }
      }
      Row row = json ? nextJsonRecord() : nextCsvRecord();
      return row == null ? finish(null) : row;
    } catch (IOException e) {
      finish(null);
      throw storage.failure("read", file, e);
    } catch (java.io.UncheckedIOException e) {
      finish(null);
      throw storage.failure("read", file, e.getCause());
    } catch (CrossoverException e) {
      finish(null);
      throw e;
    } catch (RuntimeException unparseable) {
      return finish(row(new String[0], 0, null, UNREADABLE_FILE, "parsing stopped: " + unparseable));
    }
  }

  private Row readHeader() throws IOException {
    splitter = new CsvRecordSplitter(reader);
    fields = new CsvParser(csvSettings());
    CsvRecordSplitter.Record first = splitter.next();
    if (first == null) {
      return row(new String[0], 1, null, UNREADABLE_FILE, "the file is empty: expected a header row");
    }
    String[] names = fields.parseLine(first.text());
    header = names == null ? new String[0] : names;
    index = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      if (header[i] != null) {
        index.putIfAbsent(Contract.headingKey(header[i]), i);
      }
    }
    List<String> missing = contract.requiredHeaders().stream().filter(c -> !index.containsKey(c)).toList();
    if (missing.isEmpty()) {
      return null;
    }
    return row(new String[0], first.line(), first.text(), UNREADABLE_FILE,
        "the header lacks required columns " + missing + "; it has " + index.keySet() + " (is the delimiter a comma?)");
  }

  private Row nextCsvRecord() throws IOException {
    CsvRecordSplitter.Record record = splitter.next();
    if (record == null) {
      return null;
    }
    String[] values = fields.parseLine(record.text());
    int found = values == null ? 0 : values.length;
    if (found != header.length) {
      return row(project(values), record.line(), record.text(), MALFORMED_RECORD,
          "expected " + header.length + " fields as in the header, found " + found);
    }
    return row(project(values), record.line(), record.text(), null, null);
  }

  private Row nextJsonRecord() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      jsonLine++;
      if (jsonLine == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        return jsonRecord(line);
      }
    }
    return null;
  }

  private Row jsonRecord(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException notJson) {
      return row(new String[0], jsonLine, line, MALFORMED_RECORD, "not a JSON object: " + notJson.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return row(new String[0], jsonLine, line, MALFORMED_RECORD, "not a JSON object");
    }
    String[] values = new String[contract.fields().size()];
    for (int i = 0; i < values.length; i++) {
      Field field = contract.fields().get(i);
      JsonNode value = node.has(field.name()) ? node.get(field.name()) : node.get(field.header());
      values[i] = value == null || value.isNull() ? null
          : value.isValueNode() ? blankToNull(value.asText()) : value.toString();
    }
    return row(values, jsonLine, line, null, null);
  }

  private String[] project(String[] values) {
    String[] projected = new String[contract.fields().size()];
    for (int i = 0; i < projected.length; i++) {
      Integer at = index.get(Contract.headingKey(contract.fields().get(i).header()));
      if (values != null && at != null && at < values.length) {
        projected[i] = blankToNull(values[at]);
      }
    }
    return projected;
  }

  /** Closes the file; {@code last} is the final row to emit (or null for none). */
  private Row finish(Row last) {
    done = true;
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Every record was already read; a failed close loses nothing.
      }
    }
    return last;
  }

  private Row row(String[] values, long line, String raw, String rule, String error) {
    Object[] row = Arrays.copyOf(values, contract.fields().size() + 5, Object[].class);
    int at = contract.fields().size();
    row[at] = file;
    row[at + 1] = line;
    row[at + 2] = raw;
    row[at + 3] = rule;
    row[at + 4] = error;
    return RowFactory.create(row);
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
