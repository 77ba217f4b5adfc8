package io.crossover.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;

/** {@link FaultInjectingFileSystem} for {@code FileContext}, which Delta's log store writes commits through. */
public class FaultInjectingFs extends DelegateToFileSystem {
  public FaultInjectingFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(uri, new FaultInjectingFileSystem(), conf, FaultInjectingFileSystem.SCHEME, false);
  }
}
