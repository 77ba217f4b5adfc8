package io.crossover.notebook;

import io.crossover.forecast.ForecastPoint;
import io.crossover.forecast.WhatIf;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts for notebooks, as images Jupyter shows inline (image/png). Pure: data in, picture out. */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 480;

  private Charts() {}

  public static BufferedImage image(Chart<?, ?> chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Training and inference PFLOP-days per month from gold/market_panel rows (columns month,
   * training_pflop_days, inference_pflop_days), oldest first.
   */
  public static BufferedImage compute(String title, List<Row> panelRows) {
    XYChart chart = dated(title, "PFLOP-days per month");
    List<Date> months = panelRows.stream().map(r -> date(r.<java.sql.Date>getAs("month").toLocalDate())).toList();
    line(chart, "training", months, panelRows.stream().map(r -> r.<Double>getAs("training_pflop_days")).toList(),
        new Color(200, 90, 40));
    line(chart, "inference", months, panelRows.stream().map(r -> r.<Double>getAs("inference_pflop_days")).toList(),
        new Color(30, 90, 200));
    return image(chart);
  }

  /** How many bootstrap replicates cross in each month: the distribution behind p10, p50 and p90. */
  public static BufferedImage crossoverHistogram(String title, List<LocalDate> replicateCrossovers) {
    Map<LocalDate, Integer> counts = new TreeMap<>();
    replicateCrossovers.forEach(month -> counts.merge(month, 1, Integer::sum));
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("crossover month").yAxisTitle("replicates").build();
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setAvailableSpaceFill(0.9);
    chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
    List<String> months = new ArrayList<>();
    counts.keySet().forEach(m -> months.add(m.toString().substring(0, 7)));
    chart.addSeries("replicates", months, new ArrayList<>(counts.values())).setFillColor(new Color(30, 90, 200));
    return image(chart);
  }

  /** The fitted share of one segment under each of several what-ifs, with the observed share and the 0.5 line. */
  public static BufferedImage compareScenarios(String segment, Map<String, WhatIf.Result> scenarios) {
    XYChart chart = dated("Inference share of PFLOP-days, " + segment + ", by scenario", "inference share");
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    boolean observedDrawn = false;
    Color[] palette = {new Color(30, 90, 200), new Color(200, 90, 40), new Color(40, 150, 70), new Color(150, 60, 170)};
    int next = 0;
    for (Map.Entry<String, WhatIf.Result> scenario : scenarios.entrySet()) {
      List<ForecastPoint> points = scenario.getValue().points(segment);
      if (!observedDrawn) {
        List<ForecastPoint> history = points.stream().filter(ForecastPoint::isHistory).toList();
        line(chart, "observed", history.stream().map(p -> date(p.month())).toList(),
            history.stream().map(ForecastPoint::inferenceShare).toList(), Color.DARK_GRAY);
        observedDrawn = true;
      }
      List<ForecastPoint> future = points.stream().filter(p -> !p.isHistory()).toList();
      line(chart, scenario.getKey(), future.stream().map(p -> date(p.month())).toList(),
          future.stream().map(ForecastPoint::inferenceShare).toList(), palette[next++ % palette.length]);
    }
    return image(chart);
  }

  private static XYChart dated(String title, String yAxis) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("month")
        .yAxisTitle(yAxis).build();
    chart.getStyler().setDatePattern("yyyy-MM").setTimezone(java.util.TimeZone.getTimeZone("UTC"))
        .setLegendPosition(Styler.LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static void line(XYChart chart, String name, List<Date> x, List<Double> y, Color color) {
    if (x.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE).setLineColor(color);
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
