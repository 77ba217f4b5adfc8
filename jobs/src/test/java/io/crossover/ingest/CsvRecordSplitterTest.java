package io.crossover.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordSplitterTest {

  @Test
  void numbersRecordsByTheLineTheyStartOnSkippingBlankLines() throws IOException {
    assertThat(split("a,b\n1,2\n\n3,4\n")).containsExactly("1:a,b", "2:1,2", "4:3,4");
  }

  @Test
  void keepsQuotedLineBreaksInsideOneRecord() throws IOException {
    assertThat(split("a,b\n1,\"two\nlines\"\n5,6\n")).containsExactly("1:a,b", "2:1,\"two\nlines\"", "4:5,6");
  }

  @Test
  void handlesWindowsLineEndsAndAByteOrderMark() throws IOException {
    assertThat(split("\uFEFFa,b\r\n1,2\r\n3,4")).containsExactly("1:a,b", "2:1,2", "3:3,4");
  }

  @Test
  void doubledQuotesDoNotEndAQuotedField() throws IOException {
    assertThat(split("a\n\"say \"\"hi\"\"\nthere\"\nnext\n")).containsExactly("1:a", "2:\"say \"\"hi\"\"\nthere\"", "4:next");
  }

  private static List<String> split(String text) throws IOException {
    CsvRecordSplitter splitter = new CsvRecordSplitter(new StringReader(text));
    List<String> records = new ArrayList<>();
    CsvRecordSplitter.Record record;
    while ((record = splitter.next()) != null) {
      records.add(record.line() + ":" + record.text());
    }
    return records;
  }
}
