package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossover.SparkTestSession;
import io.crossover.panel.Demand;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The bottom-up market as the stage assembles it from panel rows: a region with a short history is
 * pooled, not dropped, so the market's forecast describes the same compute as its observed history.
 */
class MarketAssemblyTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2026, 10, 1));
  private static final ForecastConfig CONFIG = new ForecastConfig("2026-11-15", ORIGIN, 120, 100, 6, 12);
  private static final StructType PANEL = new StructType()
      .add("segment", DataTypes.StringType).add("month", DataTypes.DateType)
      .add("training_pflop_days", DataTypes.DoubleType).add("inference_pflop_days", DataTypes.DoubleType)
      .add(Driver.CAPITAL.label(), DataTypes.DoubleType).add(Driver.CAPACITY.label(), DataTypes.DoubleType);

  /** Region {@code name}: {@code months} months ending at ORIGIN, the share's logit rising 0.08 a month. */
  private static List<double[]> region(int months, double scale, double logitAtOrigin, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      int month = ORIGIN - months + 1 + i;
      double total = scale * Math.exp(0.03 * (month - ORIGIN)) * (1 + 0.04 * (random.nextDouble() - 0.5));
      double share = Curves.logistic(logitAtOrigin + 0.08 * (month - ORIGIN) + 0.1 * (random.nextDouble() - 0.5));
      rows.add(new double[] {month, total * (1 - share), total * share});
    }
    return rows;
  }

  private static Dataset<Row> panel(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    double[][] all = new double[60][2];
    String[] names = {"region=a", "region=b", "region=new"};
    List<List<double[]>> regions = List.of(region(60, 1000, -1.0, 1), region(60, 600, -0.5, 2), region(5, 700, 0.2, 3));
    for (int r = 0; r < names.length; r++) {
      for (double[] month : regions.get(r)) {
        rows.add(RowFactory.create(names[r], Date.valueOf(Months.start((int) month[0])), month[1], month[2], null, null));
        int at = (int) month[0] - (ORIGIN - 59);
        all[at][0] += month[1];
        all[at][1] += month[2];
      }
    }
    for (int i = 0; i < all.length; i++) {
      rows.add(RowFactory.create(Demand.ALL_SEGMENT, Date.valueOf(Months.start(ORIGIN - 59 + i)), all[i][0], all[i][1],
          null, null));
    }
    return spark.createDataFrame(rows, PANEL);
  }

  @Test
  void aShortRegionIsPooledAndItsComputeIsInTheMarketForecast() {
    Dataset<Row> panel = panel(SparkTestSession.get());
    MarketAssembly.Fitted fitted = MarketAssembly.fit(panel, CONFIG, List.of("region"), false);
    try {
      List<Forecaster.SegmentForecast> regions = fitted.segments().collectAsList();
      Forecaster.SegmentForecast shortRegion = regions.stream().filter(f -> f.segment().equals("region=new"))
          .findFirst().orElseThrow();
      assertThat(shortRegion.estimates().get(0).flags()).contains(Flags.POOLED);
      assertThat(regions).allSatisfy(f -> assertThat(f.curves()).as(f.segment()).isNotEmpty());

      Forecaster.SegmentForecast market = fitted.summedMarket().get(0);
      double partsCompute = regions.stream().filter(f -> !f.curves().isEmpty())
          .mapToDouble(MarketAssemblyTest::observedCompute).sum();
      assertThat(partsCompute).as("compute of the regions the market is summed from")
          .isCloseTo(observedCompute(market), within(1e-9 * partsCompute));
      Curves summed = market.curves().get(0).fitted();
      double summedOfRegions = regions.stream().mapToDouble(f -> f.curves().get(0).fitted().total(0)).sum();
      assertThat(summed.total(0)).isCloseTo(summedOfRegions, within(1e-9 * summedOfRegions));

      ForecastPoint lastObserved = market.points().stream().filter(ForecastPoint::isHistory)
          .reduce((a, b) -> b).orElseThrow();
      double observedTotal = lastObserved.trainingPflopDays() + lastObserved.inferencePflopDays();
      assertThat(summed.total(0)).as("the market's fitted compute in its last observed month")
          .isCloseTo(observedTotal, within(0.05 * observedTotal));
    } finally {
      fitted.segments().unpersist();
    }
  }

  private static double observedCompute(Forecaster.SegmentForecast forecast) {
    return forecast.points().stream().filter(ForecastPoint::isHistory)
        .mapToDouble(p -> p.trainingPflopDays() + p.inferencePflopDays()).sum();
  }
}
