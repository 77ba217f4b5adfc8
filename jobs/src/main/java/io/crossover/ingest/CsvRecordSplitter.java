package io.crossover.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits CSV text into records, honouring quoted fields that span lines, and tells the line each
 * record starts on — what a user needs to find a rejected row in their file. Blank lines are not
 * records. A leading UTF-8 byte order mark is dropped.
 */
final class CsvRecordSplitter {
  private final Reader reader;
  private long nextLine = 1;
  private int pushedBack = -2;
  private boolean atStart = true;

  CsvRecordSplitter(Reader reader) {
    this.reader = reader;
  }

  /** A record's text, without its line end, and the line it starts on. */
  record Record(String text, long line) {}

  /** The next non-blank record, or null at the end of the input. */
  Record next() throws IOException {
    while (true) {
      long startLine = nextLine;
      StringBuilder text = new StringBuilder();
      boolean inQuotes = false;
      int c;
      while ((c = read()) != -1) {
        if (c == '"') {
          inQuotes = !inQuotes;
        } else if ((c == '\n' || c == '\r') && !inQuotes) {
          if (c == '\r') {
            int following = read();
            if (following != '\n') {
              pushedBack = following;
            }
          }
          nextLine++;
          break;
        } else if (c == '\n' || (c == '\r' && peekIsNotNewline())) {
          nextLine++;
        }
        text.append((char) c);
      }
      if (c == -1 && text.length() == 0) {
        return null;
      }
      if (!text.toString().isBlank()) {
        return new Record(text.toString(), startLine);
      }
    }
  }

  private boolean peekIsNotNewline() throws IOException {
    int following = read();
    pushedBack = following;
    return following != '\n';
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = reader.read();
    if (atStart) {
      atStart = false;
      if (c == '\uFEFF') {
        c = reader.read();
      }
    }
    return c;
  }
}
