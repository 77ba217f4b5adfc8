package io.crossover.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.SparkTestSession;
import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LakeTest {
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void tablesOfALakeAtARelativePathGetTheirPropertiesWhetherNewOrWrittenByAnOlderBuild() {
    // The default lake is ./lakehouse: a relative path, which Delta's SQL path identifiers reject.
    String root = "target/relative-lake-" + System.nanoTime();
    spark.createDataFrame(List.of(), OpsTables.PIPELINE_RUNS.schema()).write().format("delta")
        .save(root + "/" + OpsTables.PIPELINE_RUNS.name());
    Lake lake = new Lake(spark, root, root + "/landing");

    lake.append(OpsTables.PIPELINE_RUNS, spark.createDataFrame(List.of(), OpsTables.PIPELINE_RUNS.schema()));
    lake.append(OpsTables.QUALITY_METRICS, spark.createDataFrame(List.of(), OpsTables.QUALITY_METRICS.schema()));

    for (TableSpec table : List.of(OpsTables.PIPELINE_RUNS, OpsTables.QUALITY_METRICS)) {
      var detail = DeltaTable.forPath(spark, lake.path(table)).detail().first();
      assertThat(detail.<String>getAs("description")).as(table.name()).isEqualTo(table.description());
      assertThat(detail.<String, String>getJavaMap(detail.fieldIndex("properties")))
          .as(table.name()).containsEntry("crossover.owner_stage", table.properties().get("crossover.owner_stage"));
    }
  }
}
