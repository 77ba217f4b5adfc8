package io.crossover.refine;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Epoch AI's chip sales and chip components: shipments per chip and quarter, and what they are made of. */
public final class Chips {
  private static final String[] COMPONENTS = {"logic_wafers", "cowos_wafers", "hbm_cost_usd"};

  private Chips() {}

  /** Per chip and quarter: units and H100-equivalents shipped (median, 5th and 95th percentiles). */
  public static Dataset<Row> chipShipments(Dataset<Row> sales) {
    TableSpec.requireColumns(sales, "chipShipments", "designer", "chip", "start_date", "end_date", "incomplete",
        "units_p05", "units_p50", "units_p95", "h100e_p05", "h100e_p50", "h100e_p95", "cost_usd", "source_url");
    return sales.select(
        Keys.stripped(col("designer")).as("designer"), Keys.stripped(col("chip")).as("chip"),
        Keys.chipId(col("chip")).as("chip_id"),
        col("start_date").as("quarter"), col("end_date").as("quarter_end"), isTrue(col("incomplete")).as("incomplete"),
        col("units_p05"), col("units_p50"), col("units_p95"), col("h100e_p05"), col("h100e_p50"), col("h100e_p95"),
        col("cost_usd"), col("source_url"),
        col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT));
  }

  /** Per designer: cumulative units and H100-equivalents from its series start through each quarter's end. */
  public static Dataset<Row> cumulativeShipments(Dataset<Row> byDesigner) {
    TableSpec.requireColumns(byDesigner, "cumulativeShipments", "designer", "start_date", "end_date", "incomplete",
        "units_p05", "units_p50", "units_p95", "h100e_p05", "h100e_p50", "h100e_p95", "power_mw_p50");
    return byDesigner.select(
        Keys.stripped(col("designer")).as("designer"), col("start_date").as("series_start"), col("end_date").as("through"),
        isTrue(col("incomplete")).as("incomplete"),
        col("units_p05"), col("units_p50"), col("units_p95"), col("h100e_p05"), col("h100e_p50"), col("h100e_p95"),
        col("power_mw_p50"),
        col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT));
  }

  /**
   * One row per quarter, designer and component (logic_wafers, cowos_wafers, hbm_cost_usd) with its
   * median and 5th/95th percentiles; the whole market's supply (Epoch's "supply denominators") has
   * designer {@code all}.
   */
  public static Dataset<Row> components(Dataset<Row> byDesigner, Dataset<Row> marketSupply) {
    TableSpec.requireColumns(byDesigner, "components", "designer", "start_date", "end_date");
    TableSpec.requireColumns(marketSupply, "components(supply)", "start_date", "end_date");
    return longForm(byDesigner.withColumn("designer", Keys.stripped(col("designer"))))
        .unionByName(longForm(marketSupply.withColumn("designer", lit("all"))));
  }

  private static Dataset<Row> longForm(Dataset<Row> rows) {
    Column[] perComponent = new Column[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      String c = COMPONENTS[i];
      perComponent[i] = struct(lit(c).as("component"), col(c + "_p05").as("p05"), col(c + "_p50").as("p50"),
          col(c + "_p95").as("p95"));
    }
    return rows.select(col("designer"), col("start_date").as("quarter"), col("end_date").as("quarter_end"),
            explode(array(perComponent)).as("_c"),
            col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT))
        .select(col("designer"), col("quarter"), col("quarter_end"), col("_c.component").as("component"),
            col("_c.p05").as("p05"), col("_c.p50").as("p50"), col("_c.p95").as("p95"),
            col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT));
  }

  /** GPU clusters with their status in lower case and Epoch's duplicate flag as a boolean. */
  public static Dataset<Row> clusters(Dataset<Row> clusters) {
    TableSpec.requireColumns(clusters, "clusters", "name", "status", "certainty", "h100e", "chip_type",
        "chip_quantity", "country", "owner", "sector", "first_operational_date", "decommissioned_date", "power_mw",
        "possible_duplicate", "single_cluster", "source_url");
    return clusters.select(
        Keys.stripped(col("name")).as("name"), lower(Keys.stripped(col("status"))).as("status"), col("certainty"),
        col("h100e"),
        col("chip_type"), col("chip_quantity"), col("country"), col("owner"), col("sector"),
        col("first_operational_date"), col("decommissioned_date"), col("power_mw"),
        isTrue(col("possible_duplicate")).as("possible_duplicate"), col("single_cluster"), col("source_url"),
        col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT));
  }

  private static Column isTrue(Column flag) {
    return coalesce(lower(Keys.stripped(flag)).isin("true", "yes", "checked", "1"), lit(false));
  }
}
