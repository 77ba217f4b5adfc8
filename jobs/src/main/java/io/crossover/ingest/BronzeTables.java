package io.crossover.ingest;

import io.crossover.lake.ColumnSpec;
import io.crossover.lake.TableSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** bronze/&lt;dataset&gt;: the accepted landing rows, typed by their contract, with where they came from. */
public final class BronzeTables {
  public static final String INGESTED_AT = "_ingested_at";
  public static final String RUN_ID = "_run_id";

  private BronzeTables() {}

  public static TableSpec of(Contract contract) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Field field : contract.fields()) {
      columns.add(ColumnSpec.col(field.name(), field.type().sparkType(),
          (field.required() ? "Required" : "Optional") + " landing column, see docs/landing.md"));
    }
    columns.add(ColumnSpec.col(LandingRecords.SOURCE_FILE, DataTypes.StringType, "Landing file the row came from"));
    columns.add(ColumnSpec.col(LandingRecords.LINE, DataTypes.LongType, "Line the record starts on in that file"));
    columns.add(ColumnSpec.col(INGESTED_AT, DataTypes.TimestampType, "When the row was ingested (UTC)"));
    columns.add(ColumnSpec.col(RUN_ID, DataTypes.StringType, "Run that ingested the row"));
    return new TableSpec("bronze/" + contract.dataset(), "landing row",
        contract.description() + " As landed, after the contract's rules.", columns)
        .ownedBy(IngestStage.NAME, TableSpec.DAILY);
  }
}
