package io.crossover.lake;

import io.crossover.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;

/** The landing root: one folder per dataset, where upstream systems drop files for ingest. */
public final class Landing {
  /** The landing root's optional manifest; see {@link #asOf}. */
  public static final String MANIFEST = "landing.properties";
  private final Storage storage;
  private final String root;

  Landing(Storage storage, String root) {
    this.storage = storage;
    this.root = root;
  }

  public String path(String folder) {
    return root + "/" + folder;
  }

  /** Whether the landing root exists; a store that does not answer is a storage error, not "absent". */
  public boolean exists() {
    return storage.exists(root);
  }

  /**
   * The date the landing's data are complete up to, when its root declares one in
   * {@value #MANIFEST} ({@code asOf=YYYY-MM-DD}): a frozen landing such as the data samples, whose
   * run date without {@code --run-date} is that date rather than today, so it reads the same on any day.
   */
  public Optional<LocalDate> asOf() {
    String manifest = path(MANIFEST);
    if (!storage.exists(manifest)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = storage.open(manifest)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw storage.failure("read", manifest, e);
    }
    String asOf = properties.getProperty("asOf");
    try {
      return Optional.of(LocalDate.parse(asOf == null ? "" : asOf.trim()));
    } catch (java.time.format.DateTimeParseException e) {
      throw Errors.unreadableReference(manifest, "asOf is '" + asOf + "', expected a date as asOf=YYYY-MM-DD", e);
    }
  }

  /** Data files in one dataset's folder (recursively), sorted by path; hidden files and notes (.md) are skipped. */
  public List<LandingFile> list(String folder) {
    return storage.listFiles(path(folder)).stream()
        .filter(status -> isData(status.getPath().getName()))
        .map(Landing::landingFile)
        .toList();
  }

  private static boolean isData(String name) {
    return !(name.startsWith(".") || name.startsWith("_") || name.endsWith(".md"));
  }

  private static LandingFile landingFile(FileStatus status) {
    return new LandingFile(status.getPath().toString(), status.getLen(), status.getModificationTime());
  }
}
