package io.crossover.panel;

import io.crossover.lake.Lake;
import io.crossover.lake.RunContext;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import io.crossover.refine.RefineStage;
import io.crossover.refine.SilverTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver to gold, as of the run date. Each gold table is replaced in one commit with what was
 * knowable on the run date, so the same run date always gives the same tables.
 */
public final class PanelStage {
  public static final String NAME = "panel";

  private PanelStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    Dataset<Row> usage = lake.read(SilverTables.USAGE_EVENTS, RefineStage.NAME);
    Dataset<Row> funding = lake.read(SilverTables.FUNDING_ROUNDS, RefineStage.NAME);
    Dataset<Row> accelerators = lake.read(SilverTables.ACCELERATORS, RefineStage.NAME);

    Dataset<Row> demand = Demand.demandMonthly(usage, run.runDate(), run.settings().segments());
    write(lake, report, GoldTables.DEMAND_MONTHLY, demand);
    write(lake, report, GoldTables.CAPITAL_QUARTERLY, Capital.capitalQuarterly(funding,
        lake.read(SilverTables.VALUATIONS, RefineStage.NAME), run.runDate()));
    Dataset<Row> supply = Supply.supplyQuarterly(
        lake.read(SilverTables.CHIP_SUPPLY, RefineStage.NAME), accelerators, run.runDate());
    write(lake, report, GoldTables.SUPPLY_QUARTERLY, supply);

    Dataset<Row> demandWritten = lake.read(GoldTables.DEMAND_MONTHLY, NAME);
    Dataset<Row> months = demandWritten.select("month").distinct();
    write(lake, report, GoldTables.MARKET_PANEL, MarketPanel.marketPanel(demandWritten,
        Capital.capitalTrailing12m(months, funding, run.runDate()),
        Supply.installedCapacity(months, lake.read(GoldTables.SUPPLY_QUARTERLY, NAME)), run.runDate()));
    return report;
  }

  private static void write(Lake lake, StageReport report, TableSpec table, Dataset<Row> rows) {
    WriteResult written = lake.overwrite(table, rows);
    report.table(new TableStat(written.table(), 0, 0, written.rowsWritten(), written.version()));
  }
}
