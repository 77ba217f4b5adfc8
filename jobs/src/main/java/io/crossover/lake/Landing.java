package io.crossover.lake;

import io.crossover.errors.Errors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The landing root: one folder per dataset, where upstream systems drop files for ingest. */
public final class Landing {
  private final SparkSession spark;
  private final String root;

  Landing(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  public String path(String folder) {
    return root + "/" + folder;
  }

  public boolean exists() {
    try {
      Path path = new Path(root);
      return fileSystem(path).exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  /** Data files in one dataset's folder (recursively), sorted by path; hidden files and notes (.md) are skipped. */
  public List<LandingFile> list(String folder) {
    Path dir = new Path(path(folder));
    List<LandingFile> files = new ArrayList<>();
    try {
      FileSystem fs = fileSystem(dir);
      if (!fs.exists(dir)) {
        return files;
      }
      var iterator = fs.listFiles(dir, true);
      while (iterator.hasNext()) {
        FileStatus status = iterator.next();
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_") || name.endsWith(".md")) {
          continue;
        }
        files.add(new LandingFile(status.getPath().toString(), status.getLen(), status.getModificationTime()));
      }
    } catch (IOException e) {
      throw Errors.unreadableLanding(dir.toString(), e);
    }
    files.sort(Comparator.comparing(LandingFile::path));
    return files;
  }

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
