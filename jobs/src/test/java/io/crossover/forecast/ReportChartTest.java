package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The telemetry share chart, read back from its series: what is drawn where, joined to what. */
class ReportChartTest {
  /** Mid-December: November is the last complete month, December is still running. */
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);
  private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
  private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

  private static ForecastPoint observed(LocalDate month, double share) {
    return new ForecastPoint("all", "logistic_share", month, true, share, null, null, 1 - share, share);
  }

  private static ForecastPoint forecast(LocalDate month, double share, double p10, double p90) {
    return new ForecastPoint("all", "logistic_share", month, false, share, p10, p90, 1 - share, share);
  }

  /**
   * July to November observed, December's first two days observed at 0.86 (a partial month), and a
   * forecast from December whose band widens past 0.9 in April 2027.
   */
  private static List<ForecastPoint> points() {
    List<ForecastPoint> points = new ArrayList<>();
    double[] shares = {0.40, 0.42, 0.43, 0.45, 0.46};
    for (int i = 0; i < shares.length; i++) {
      points.add(observed(LocalDate.of(2026, 7 + i, 1), shares[i]));
    }
    points.add(observed(DECEMBER, 0.86));
    double[][] forecast = {{0.48, 0.40, 0.56}, {0.49, 0.30, 0.70}, {0.50, 0.20, 0.85}, {0.51, 0.10, 0.95},
        {0.52, 0.04, 0.97}, {0.53, 0.30, 0.80}};
    for (int i = 0; i < forecast.length; i++) {
      points.add(forecast(DECEMBER.plusMonths(i), forecast[i][0], forecast[i][1], forecast[i][2]));
    }
    return points;
  }

  private static XYChart chart(List<ForecastPoint> points, LocalDate asOf) {
    return Report.shareChart("all", asOf, points, null, List.of());
  }

  private static XYSeries series(XYChart chart, String name) {
    assertThat(chart.getSeriesMap()).containsKey(name);
    return chart.getSeriesMap().get(name);
  }

  private static double x(LocalDate month) {
    return month.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static List<Double> values(double[] data) {
    return Arrays.stream(data).boxed().toList();
  }

  @Test
  void theForecastStartsAtTheLastObservedMonth() {
    XYChart chart = chart(points(), AS_OF);
    XYSeries fitted = series(chart, Report.FORECAST);
    assertThat(fitted.getXData()[0]).isEqualTo(x(NOVEMBER));
    assertThat(fitted.getYData()[0]).isEqualTo(0.46);
    assertThat(fitted.getXData()[1]).isEqualTo(x(DECEMBER));
    XYSeries band = series(chart, Report.BAND);
    assertThat(band.getXData()[0]).isEqualTo(x(NOVEMBER));
    assertThat(band.getYData()[0]).isEqualTo(0.46);
  }

  @Test
  void anIncompleteMonthIsNotJoinedToTheObservedLine() {
    XYChart chart = chart(points(), AS_OF);
    XYSeries line = series(chart, Report.OBSERVED);
    assertThat(line.getXData()[line.getXData().length - 1]).isEqualTo(x(NOVEMBER));
    assertThat(values(line.getYData())).doesNotContain(0.86);
    XYSeries partial = series(chart, Report.INCOMPLETE);
    assertThat(partial.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Scatter);
    assertThat(partial.getMarker()).isInstanceOf(HollowCircle.class);
    assertThat(values(partial.getXData())).containsExactly(x(DECEMBER));
    assertThat(values(partial.getYData())).containsExactly(0.86);
    assertThat(partial.getLabel()).contains("data to 2026-12-02");
    assertThat(values(series(chart, Report.FORECAST).getYData())).doesNotContain(0.86);
  }

  @Test
  void aMonthEndingOnTheRunDateIsComplete() {
    XYChart chart = chart(points().subList(0, 5), LocalDate.of(2026, 11, 30));
    assertThat(series(chart, Report.OBSERVED).getXData()).hasSize(5);
    assertThat(chart.getSeriesMap()).doesNotContainKey(Report.INCOMPLETE);
  }

  @Test
  void theBandIsCutWhereItSpansTheWholeAxis() {
    XYChart chart = chart(points(), AS_OF);
    LocalDate cut = LocalDate.of(2027, 4, 1);
    XYSeries band = series(chart, Report.BAND);
    assertThat(band.getXMax()).isEqualTo(x(cut.minusMonths(1)));
    assertThat(series(chart, Report.FORECAST).getXMax()).isEqualTo(x(cut.minusMonths(1)));
    assertThat(band.getLabel()).contains("cut at 2027-04 where p10–p90 spans the whole axis");
  }

  @Test
  void aBandThatStaysReadableIsNotCut() {
    XYSeries band = series(chart(points().subList(0, 9), AS_OF), Report.BAND);
    assertThat(band.getXMax()).isEqualTo(x(LocalDate.of(2027, 2, 1)));
    assertThat(band.getLabel()).isEqualTo(Report.BAND);
  }

  @Test
  void theBandIsAFilledArea() {
    XYSeries band = series(chart(points(), AS_OF), Report.BAND);
    assertThat(band.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.PolygonArea);
    assertThat(band.getFillColor().getAlpha()).isBetween(1, 254);
    // Along p90 from the join to March 2027, then back along p10: one closed outline.
    assertThat(values(band.getYData())).containsExactly(0.46, 0.56, 0.70, 0.85, 0.95, 0.10, 0.20, 0.30, 0.40, 0.46);
    assertThat(chart(points(), AS_OF).getSeriesMap()).doesNotContainKeys("forecast p10", "forecast p90");
  }

  @Test
  void theChartIsAPng() {
    byte[] png = Report.chartPng(AS_OF, points(), null, List.of());
    assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
  }
}
