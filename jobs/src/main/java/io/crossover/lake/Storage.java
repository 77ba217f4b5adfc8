package io.crossover.lake;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The one door to files outside Delta's own I/O: every exists, list, open, read and write of the
 * landing, the lake's reference files and reports passes here, on any Hadoop file system
 * ({@code file:}, {@code s3a://}, {@code hdfs://}). An I/O failure comes out once, as a storage
 * error naming the endpoint and the path (exit 1); it is never turned into a verdict on a file's
 * content, so a file that could not be read is read again by the next run.
 *
 * <p>Executors build their own from the job's Hadoop configuration (a {@link Configuration} does
 * not travel with a task).
 */
public final class Storage {
  private final Configuration conf;

  public Storage(Configuration conf) {
    this.conf = conf;
  }

  public boolean exists(String path) {
    Path file = new Path(path);
    try {
      return fileSystem(file).exists(file);
    } catch (IOException e) {
      throw failure("check", path, e);
    }
  }

  /** Every file under {@code folder}, recursively, sorted by path; none when the folder does not exist. */
  public List<FileStatus> listFiles(String folder) {
    Path dir = new Path(folder);
    List<FileStatus> files = new ArrayList<>();
    try {
      FileSystem fs = fileSystem(dir);
      if (!fs.exists(dir)) {
        return files;
      }
      RemoteIterator<? extends FileStatus> iterator = fs.listFiles(dir, true);
      while (iterator.hasNext()) {
        files.add(iterator.next());
      }
    } catch (IOException e) {
      throw failure("list", folder, e);
    }
    files.sort(Comparator.comparing(status -> status.getPath().toString()));
    return files;
  }

  /** The entries directly in {@code folder}; none when it does not exist. */
  public List<FileStatus> listFolder(String folder) {
    Path dir = new Path(folder);
    try {
      FileSystem fs = fileSystem(dir);
      return fs.exists(dir) ? List.of(fs.listStatus(dir)) : List.of();
    } catch (IOException e) {
      throw failure("list", folder, e);
    }
  }

  /**
   * Opens a file for reading. A failure of a later read on the stream is an {@link IOException}
   * the caller hands back through {@link #failure}.
   */
  public InputStream open(String path) {
    Path file = new Path(path);
    try {
      return fileSystem(file).open(file);
    } catch (IOException e) {
      throw failure("open", path, e);
    }
  }

  /** The whole content of a (small) file. */
  public byte[] readAll(String path) {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  /** The last {@code count} bytes of a file (fewer when it is shorter). */
  public byte[] readTail(String path, int count) {
    Path file = new Path(path);
    try {
      FileSystem fs = fileSystem(file);
      long length = fs.getFileStatus(file).getLen();
      byte[] tail = new byte[(int) Math.min(count, length)];
      try (FSDataInputStream in = fs.open(file)) {
        in.readFully(length - tail.length, tail);
      }
      return tail;
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  /** Writes {@code content} to {@code path}, replacing it; returns the path. */
  public String write(String path, byte[] content) {
    Path file = new Path(path);
    try (var out = fileSystem(file).create(file, true)) {
      out.write(content);
    } catch (IOException e) {
      throw failure("write", path, e);
    }
    return path;
  }

  /** The path with its scheme and authority ({@code file:/…}, {@code s3a://bucket/…}). */
  public String qualified(String path) {
    Path file = new Path(path);
    try {
      return fileSystem(file).makeQualified(file).toString();
    } catch (IOException e) {
      throw failure("resolve", path, e);
    }
  }

  /** The storage error an I/O failure on {@code path} amounts to. */
  public CrossoverException failure(String action, String path, IOException cause) {
    return Errors.storageFailed(action, path, endpoint(path, conf::get), rootMessage(cause), cause);
  }

  /**
   * The endpoint a path's file system talks to: for {@code s3a://} the bucket's endpoint, else
   * s3a's, else AWS; for any other scheme the scheme and authority. {@code hadoopSetting} looks up
   * a Hadoop setting by its key (without Spark's {@code spark.hadoop.} prefix).
   */
  public static String endpoint(String path, UnaryOperator<String> hadoopSetting) {
    java.net.URI uri = new Path(path).toUri();
    if ("s3a".equals(uri.getScheme())) {
      String bucket = hadoopSetting.apply("fs.s3a.bucket." + uri.getAuthority() + ".endpoint");
      String any = hadoopSetting.apply("fs.s3a.endpoint");
      return bucket != null ? bucket : any != null ? any : "AWS S3, region endpoint";
    }
    if (uri.getScheme() == null) {
      return "local file system";
    }
    return uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
  }

  /** The first line of the innermost cause's message: what the store said. */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(conf);
  }
}
