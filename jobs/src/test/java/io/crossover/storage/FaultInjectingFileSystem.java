package io.crossover.storage;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code faulty://}, failing the operations a test asks it
 * to: a read part way through a file, the creation of a file, the listing or status of a folder.
 * Registered in the test session ({@code fs.faulty.impl}, and {@link FaultInjectingFs} for Delta's
 * log store), so Spark, Delta and crossover's storage boundary all meet the same faults. Faults
 * are static: local-mode executors share the test JVM.
 */
public class FaultInjectingFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "faulty";
  private static final URI ROOT = URI.create(SCHEME + ":///");
  private static final List<Fault> FAULTS = new CopyOnWriteArrayList<>();

  enum Operation { READ, CREATE, LIST }

  private record Fault(Operation operation, String pathContains, long afterBytes, AtomicInteger remaining) {
    boolean fires(Operation op, Path path) {
      return op == operation && path.toString().contains(pathContains) && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
  }

  /** The {@code faulty://} URI of a local folder. */
  public static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  /** The next {@code times} opens of a path containing {@code pathContains} fail after {@code afterBytes} bytes. */
  public static void failReads(String pathContains, long afterBytes, int times) {
    FAULTS.add(new Fault(Operation.READ, pathContains, afterBytes, new AtomicInteger(times)));
  }

  /** The next {@code times} creations of a file whose path contains {@code pathContains} fail. */
  public static void failCreates(String pathContains, int times) {
    FAULTS.add(new Fault(Operation.CREATE, pathContains, 0, new AtomicInteger(times)));
  }

  /** The next {@code times} listings or status checks of a path containing {@code pathContains} fail. */
  public static void failListings(String pathContains, int times) {
    FAULTS.add(new Fault(Operation.LIST, pathContains, 0, new AtomicInteger(times)));
  }

  public static void clear() {
    FAULTS.clear();
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    for (Fault fault : FAULTS) {
      if (fault.fires(Operation.READ, path)) {
        return new FSDataInputStream(new FailingStream(super.open(path, bufferSize), fault.afterBytes(), path));
      }
    }
    return super.open(path, bufferSize);
  }

  @Override
  public FSDataOutputStream create(Path path, boolean overwrite, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    failIf(Operation.CREATE, path, "creating");
    return super.create(path, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public FSDataOutputStream create(Path path, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    failIf(Operation.CREATE, path, "creating");
    return super.create(path, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public FSDataOutputStream createNonRecursive(Path path, FsPermission permission, java.util.EnumSet<org.apache.hadoop.fs.CreateFlag> flags,
      int bufferSize, short replication, long blockSize, Progressable progress) throws IOException {
    failIf(Operation.CREATE, path, "creating");
    return super.createNonRecursive(path, permission, flags, bufferSize, replication, blockSize, progress);
  }

  @Override
  public boolean exists(Path path) throws IOException {
    failIf(Operation.LIST, path, "the status of");
    return super.exists(path);
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    failIf(Operation.LIST, path, "the status of");
    return plain(super.getFileStatus(path));
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    failIf(Operation.LIST, path, "listing");
    return java.util.Arrays.stream(super.listStatus(path)).map(FaultInjectingFileSystem::plain).toArray(FileStatus[]::new);
  }

  /** The status without the local file system's lazily loaded permissions, which need a file: URI. */
  private static FileStatus plain(FileStatus status) {
    return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
        status.getModificationTime(), status.getPath());
  }

  private static void failIf(Operation operation, Path path, String what) throws IOException {
    for (Fault fault : FAULTS) {
      if (fault.fires(operation, path)) {
        throw new IOException("injected fault: " + what + " " + path + " failed (connection reset)");
      }
    }
  }

  /** A stream that reads normally up to a byte offset, then fails every read as a dropped connection would. */
  private static final class FailingStream extends FSInputStream {
    private final FSDataInputStream in;
    private final long failAt;
    private final Path path;

    FailingStream(FSDataInputStream in, long failAt, Path path) {
      this.in = in;
      this.failAt = failAt;
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      check(1);
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int allowed = (int) Math.min(length, check(length));
      return in.read(buffer, offset, allowed);
    }

    private long check(int wanted) throws IOException {
      long left = failAt - in.getPos();
      if (left <= 0) {
        throw new IOException("injected fault: reading " + path + " failed at byte " + in.getPos() + " (connection reset)");
      }
      return Math.min(wanted, left);
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long target) {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
