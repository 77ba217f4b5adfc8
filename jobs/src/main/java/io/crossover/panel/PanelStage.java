package io.crossover.panel;

import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.RunContext;
import io.crossover.lake.SideBySide;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.refine.RefineStage;
import io.crossover.refine.SilverTables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver to gold, as of the run date. Each gold table is replaced in one commit with what was
 * knowable on the run date, so the same run date always gives the same tables; a table whose
 * inputs and run date have not changed since it was written is left alone. The tables the market
 * panel joins are written side by side ({@link SideBySide}), then the panel.
 */
public final class PanelStage {
  public static final String NAME = "panel";

  private PanelStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    String asOf = "runDate=" + run.runDate();
    String segments = "segments=" + String.join(",", run.settings().segments());

    Lineage demandBasis = lake.lineage(List.of(), segments);
    List<Consumer<StageReport>> writes = new ArrayList<>(List.of(
        part -> write(lake, part, GoldTables.DEMAND_MONTHLY,
            lake.consuming(demandBasis, SilverTables.USAGE_EVENTS).broughtTo(run.runDate()),
            () -> IncrementalDemand.demandMonthly(lake, demandBasis, run.runDate(), run.settings().segments(), part)),
        part -> write(lake, part, GoldTables.CAPITAL_QUARTERLY,
            lake.lineage(List.of(SilverTables.FUNDING_ROUNDS, SilverTables.VALUATIONS), asOf),
            () -> Capital.capitalQuarterly(closedRounds(lake),
                silver(lake, SilverTables.VALUATIONS), run.runDate())),
        part -> write(lake, part, GoldTables.SUPPLY_QUARTERLY,
            lake.lineage(List.of(SilverTables.CHIP_SUPPLY, SilverTables.ACCELERATORS), asOf),
            () -> Supply.supplyQuarterly(silver(lake, SilverTables.CHIP_SUPPLY),
                silver(lake, SilverTables.ACCELERATORS), run.runDate()))));
    if (lake.exists(SilverTables.SHARE_EVIDENCE)) {
      writes.add(part -> write(lake, part, GoldTables.SHARE_EVIDENCE,
          lake.lineage(List.of(SilverTables.SHARE_EVIDENCE), asOf),
          () -> Evidence.shareEvidenceAsOf(silver(lake, SilverTables.SHARE_EVIDENCE), run.runDate())));
    }
    if (lake.exists(SilverTables.CHIP_SHIPMENTS)) {
      writes.add(part -> write(lake, part, GoldTables.INSTALLED_COMPUTE_QUARTERLY,
          lake.lineage(List.of(SilverTables.CHIP_SHIPMENTS, SilverTables.CHIP_SHIPMENTS_CUMULATIVE,
              SilverTables.CHIP_COMPONENTS), asOf),
          () -> PublicCapacity.installedComputeQuarterly(silver(lake, SilverTables.CHIP_SHIPMENTS),
              lake.readOrEmpty(SilverTables.CHIP_SHIPMENTS_CUMULATIVE), lake.readOrEmpty(SilverTables.CHIP_COMPONENTS),
              run.runDate())));
    }
    if (lake.exists(SilverTables.GPU_CLUSTERS)) {
      writes.add(part -> write(lake, part, GoldTables.CLUSTER_CAPACITY_QUARTERLY,
          lake.lineage(List.of(SilverTables.GPU_CLUSTERS), asOf),
          () -> PublicCapacity.clusterCapacityQuarterly(silver(lake, SilverTables.GPU_CLUSTERS), run.runDate())));
    }
    SideBySide.parts(report, writes);
    write(lake, report, GoldTables.MARKET_PANEL,
        lake.lineage(List.of(GoldTables.DEMAND_MONTHLY, SilverTables.FUNDING_ROUNDS, GoldTables.SUPPLY_QUARTERLY,
            GoldTables.SHARE_EVIDENCE, GoldTables.INSTALLED_COMPUTE_QUARTERLY, GoldTables.CLUSTER_CAPACITY_QUARTERLY,
            SilverTables.CHIP_COMPONENTS), asOf),
        () -> {
          Dataset<Row> demand = lake.read(GoldTables.DEMAND_MONTHLY, NAME);
          Dataset<Row> months = demand.select("month").distinct();
          Dataset<Row> panel = MarketPanel.marketPanel(demand,
              Capital.capitalTrailing12m(months, closedRounds(lake), run.runDate()),
              Supply.installedCapacity(months, lake.read(GoldTables.SUPPLY_QUARTERLY, NAME)), run.runDate());
          return MarketPanel.withPublicData(panel,
              PublicCapacity.capacityPerMonth(months, lake.readOrEmpty(GoldTables.INSTALLED_COMPUTE_QUARTERLY),
                  lake.readOrEmpty(GoldTables.CLUSTER_CAPACITY_QUARTERLY), lake.readOrEmpty(SilverTables.CHIP_COMPONENTS)),
              Evidence.evidencePerMonth(months, lake.readOrEmpty(GoldTables.SHARE_EVIDENCE)));
        });
    return report;
  }

  /** Rounds that raised capital: a round in late discussions or cancelled has raised none yet. */
  private static Dataset<Row> closedRounds(Lake lake) {
    return silver(lake, SilverTables.FUNDING_ROUNDS).where("closed");
  }

  private static Dataset<Row> silver(Lake lake, TableSpec table) {
    return lake.read(table, RefineStage.NAME);
  }

  private static void write(Lake lake, StageReport report, TableSpec table, Lineage inputs,
      Supplier<Dataset<Row>> rows) {
    report.table(TableStat.of(lake.overwrite(table, rows, inputs), 0, 0));
  }
}
