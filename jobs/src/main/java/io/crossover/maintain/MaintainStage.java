package io.crossover.maintain;

import io.crossover.forecast.ForecastTables;
import io.crossover.lake.Lake;
import io.crossover.lake.RunContext;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.panel.GoldTables;
import io.crossover.refine.SilverTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Weekly upkeep of silver and gold: compacts small files (Delta OPTIMIZE, bin-packing) and removes
 * files no longer referenced and older than the retention (VACUUM). Contents do not change; a
 * reader of an older version within the retention keeps working. With
 * spark.crossover.bi.symlinkManifest, also writes the gold tables' symlink manifests, which readers
 * without a Delta connector (Presto, Athena, Redshift Spectrum) list instead of the Delta log.
 */
public final class MaintainStage {
  public static final String NAME = "maintain";

  private MaintainStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    List<TableSpec> tables = new ArrayList<>(SilverTables.ALL);
    tables.addAll(GoldTables.ALL);
    tables.addAll(ForecastTables.ALL);
    int hours = run.settings().retentionHours();
    for (TableSpec table : tables) {
      if (lake.exists(table)) {
        long started = System.nanoTime();
        String done = TableMaintenance.compactAndVacuum(lake, table, hours);
        report.note(String.format(java.util.Locale.ROOT, "%s: %s (%.1f s)", table.name(), done,
            (System.nanoTime() - started) / 1e9));
      }
    }
    if (run.settings().symlinkManifest()) {
      List<TableSpec> gold = new ArrayList<>(GoldTables.ALL);
      gold.addAll(ForecastTables.ALL);
      for (TableSpec table : gold) {
        if (lake.exists(table)) {
          report.note(table.name() + ": symlink manifest written to " + TableMaintenance.writeSymlinkManifest(lake, table));
        }
      }
    }
    return report;
  }
}
