package io.crossover.refine;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.Contract;
import io.crossover.ingest.Contracts;
import io.crossover.ingest.EpochContracts;
import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.RunContext;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The public datasets to silver: Epoch AI's compute spend, usage reports, chip sales, chip
 * components and GPU clusters (each from its newest download), and the evidence of the inference
 * share, curated and derived from compute spend.
 */
final class PublicDataRefine {
  private PublicDataRefine() {}

  /** The writes of the public datasets' silver tables, each independent of the others. */
  static List<Consumer<StageReport>> writes(RunContext run, Dataset<Row> aliases, String aliasesDigest) {
    Lake lake = run.lake();
    return List.of(
        report -> writeWhenLanded(lake, report, SilverTables.COMPUTE_SPEND, List.of(EpochContracts.COMPUTE_SPEND),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.COMPUTE_SPEND)), aliasesDigest),
            () -> Companies.attachCompanyIds(computeSpend(lake), aliases)
                .withColumnRenamed("id", "epoch_id")
                .withColumnRenamed("inference_spend", "inference_usd")
                .withColumnRenamed("rnd_spend", "rnd_usd")
                .withColumnRenamed("total_spend", "total_usd")),
        report -> writeWhenLanded(lake, report, SilverTables.SHARE_EVIDENCE, List.of(Contracts.SHARE_EVIDENCE, EpochContracts.COMPUTE_SPEND),
            lake.lineage(List.of(BronzeTables.of(Contracts.SHARE_EVIDENCE), BronzeTables.of(EpochContracts.COMPUTE_SPEND))),
            () -> ShareEvidence.curatedEvidence(Dedupe.latestPerKey(RefineStage.bronze(lake, Contracts.SHARE_EVIDENCE),
                    Contracts.SHARE_EVIDENCE.naturalKey().toArray(String[]::new)))
                .unionByName(ShareEvidence.derivedFromComputeSpend(computeSpend(lake)), true)),
        report -> writeWhenLanded(lake, report, SilverTables.USAGE_REPORTS, List.of(EpochContracts.USAGE_REPORTS),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.USAGE_REPORTS)), aliasesDigest),
            () -> Companies.attachCompanyIds(newest(lake, EpochContracts.USAGE_REPORTS, "report_date"), aliases)
                .withColumnRenamed("id", "epoch_id")),
        report -> writeWhenLanded(lake, report, SilverTables.CHIP_SHIPMENTS, List.of(EpochContracts.CHIP_SALES),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.CHIP_SALES))),
            () -> Chips.chipShipments(newest(lake, EpochContracts.CHIP_SALES, "end_date"))),
        report -> writeWhenLanded(lake, report, SilverTables.CHIP_SHIPMENTS_CUMULATIVE, List.of(EpochContracts.CHIP_SALES_BY_DESIGNER),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.CHIP_SALES_BY_DESIGNER))),
            () -> Chips.cumulativeShipments(newest(lake, EpochContracts.CHIP_SALES_BY_DESIGNER, "end_date"))),
        report -> writeWhenLanded(lake, report, SilverTables.CHIP_COMPONENTS, List.of(EpochContracts.CHIP_COMPONENTS, EpochContracts.COMPONENT_SUPPLY),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.CHIP_COMPONENTS),
                BronzeTables.of(EpochContracts.COMPONENT_SUPPLY))),
            () -> Chips.components(newest(lake, EpochContracts.CHIP_COMPONENTS, "end_date"),
                newest(lake, EpochContracts.COMPONENT_SUPPLY, "end_date"))),
        report -> writeWhenLanded(lake, report, SilverTables.GPU_CLUSTERS, List.of(EpochContracts.GPU_CLUSTERS),
            lake.lineage(List.of(BronzeTables.of(EpochContracts.GPU_CLUSTERS))),
            () -> Chips.clusters(newest(lake, EpochContracts.GPU_CLUSTERS, "first_operational_date"))));
  }

  /**
   * Writes a silver table once any of its datasets has landed: a landing without Epoch's files (or
   * without evidence) gets no empty tables and spends no commits on them.
   */
  private static void writeWhenLanded(Lake lake, StageReport report, TableSpec table, List<Contract> landed,
      Lineage inputs, Supplier<Dataset<Row>> rows) {
    if (lake.exists(table) || landed.stream().anyMatch(contract -> lake.exists(BronzeTables.of(contract)))) {
      RefineStage.write(lake, report, table, inputs, rows);
    }
  }

  private static Dataset<Row> computeSpend(Lake lake) {
    return ComputeSpend.attachPeriods(newest(lake, EpochContracts.COMPUTE_SPEND, "report_date"));
  }

  private static Dataset<Row> newest(Lake lake, Contract contract, String vintageDate) {
    return Snapshots.newestDownload(RefineStage.bronze(lake, contract), vintageDate);
  }
}
