package io.crossover.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The forecast for people: a PNG chart of the market's observed and forecast inference share with
 * its p10–p90 band, the 0.5 line, the crossover window and published claims; and an HTML page with
 * the estimates per segment, the chart and where the data came from.
 */
public final class Report {
  /** A published claim of the inference share, drawn as a labelled point. */
  public record Claim(String label, LocalDate when, double share) {}

  private Report() {}

  public static byte[] chartPng(LocalDate asOf, List<ForecastPoint> market, Estimate estimate, List<Claim> claims) {
    try {
      return BitmapEncoder.getBitmapBytes(shareChart("market", asOf, market, estimate, claims),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The chart of one segment's observed and forecast share: the forecast band, the 0.5 line, the
   * estimate's crossover window (when it has one) and the claims.
   */
  public static XYChart shareChart(String segment, LocalDate asOf, List<ForecastPoint> points, Estimate estimate,
      List<Claim> claims) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1000).height(560)
        .title("Inference share of AI compute (PFLOP-days), " + segment + ", as of " + asOf)
        .xAxisTitle("month").yAxisTitle("inference share").build();
    chart.getStyler().setDatePattern("yyyy-MM").setTimezone(java.util.TimeZone.getTimeZone("UTC"))
        .setYAxisMin(0.0).setYAxisMax(1.0)
        .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW)
        .setChartBackgroundColor(Color.WHITE);
    List<ForecastPoint> history = points.stream().filter(ForecastPoint::isHistory).toList();
    List<ForecastPoint> future = points.stream().filter(p -> !p.isHistory()).toList();
    line(chart, "observed", history, ForecastPoint::inferenceShare, new Color(40, 40, 40), 1.5f);
    line(chart, "forecast p10", future, ForecastPoint::shareP10, new Color(120, 160, 220), 1f);
    line(chart, "forecast p90", future, ForecastPoint::shareP90, new Color(120, 160, 220), 1f);
    line(chart, "forecast (fitted)", future, ForecastPoint::inferenceShare, new Color(30, 90, 200), 2.5f);
    if (!points.isEmpty()) {
      List<Date> span = List.of(date(points.get(0).month()), date(points.get(points.size() - 1).month()));
      XYSeries half = chart.addSeries("0.5", span, List.of(0.5, 0.5));
      half.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
          .setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    if (estimate != null && estimate.p10() != null && estimate.p90() != null) {
      XYSeries window = chart.addSeries("crossover p10–p90 (" + month(estimate.p10()) + " – " + month(estimate.p90()) + ")",
          List.of(date(estimate.p10()), date(estimate.p10()), date(estimate.p90()), date(estimate.p90()), date(estimate.p10())),
          List.of(0.0, 1.0, 1.0, 0.0, 0.0));
      window.setMarker(SeriesMarkers.NONE).setLineColor(new Color(220, 120, 40));
    }
    if (!claims.isEmpty()) {
      XYSeries published = chart.addSeries("published claims", claims.stream().map(c -> date(c.when())).toList(),
          claims.stream().map(Claim::share).toList());
      published.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND)
          .setMarkerColor(new Color(200, 30, 60));
    }
    return chart;
  }

  public static byte[] html(LocalDate asOf, String runId, String scenario, List<Estimate> estimates, List<Claim> claims,
      List<org.apache.spark.sql.Row> backtest, String landing, String evidenceSections) {
    StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>crossover ")
        .append(asOf).append("</title><style>body{font-family:sans-serif;max-width:1040px;margin:2em auto}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>"
            + "</head><body><h1>When does AI inference overtake training?</h1>")
        .append("<p>As of <b>").append(asOf).append("</b> (run ").append(escape(runId))
        .append("). The crossover is the first month the inference share reaches 0.5.</p>")
        .append(evidenceSections)
        .append("<h2>Telemetry: the organisation's own usage (PFLOP-days)</h2>")
        .append("<img src=\"crossover.png\" alt=\"inference share chart\" width=\"1000\">")
        .append("<h2>Estimates</h2><p>Scenario: <b>").append(escape(scenario)).append("</b></p>")
        .append("<table><tr><th>segment</th><th>model</th><th>drivers</th><th>status</th><th>p10</th><th>p50</th>"
            + "<th>p90</th><th>P(within horizon)</th><th>months fitted</th></tr>");
    for (Estimate e : estimates) {
      page.append("<tr><td>").append(escape(e.segment())).append("</td><td>").append(e.model()).append("</td><td>")
          .append(e.drivers()).append("</td><td>")
          .append(e.status()).append("</td><td>").append(month(e.p10())).append("</td><td><b>").append(month(e.p50()))
          .append("</b></td><td>").append(month(e.p90())).append("</td><td>")
          .append(e.probabilityWithinHorizon() == null ? "" : String.format("%.2f", e.probabilityWithinHorizon()))
          .append("</td><td>").append(e.observations()).append("</td></tr>");
    }
    page.append("</table><h2>Backtest</h2>");
    if (backtest.isEmpty()) {
      page.append("<p>No backtest yet: run <code>bin/crossover backtest</code>.</p>");
    } else {
      page.append("<table><tr><th>model</th><th>drivers</th><th>horizon (months)</th><th>mean |share error|</th>"
          + "<th>mean |crossover error| (months)</th><th>forecasts</th></tr>");
      for (org.apache.spark.sql.Row row : backtest) {
        page.append("<tr><td>").append(row.get(0)).append("</td><td>").append(row.isNullAt(1) ? "" : row.get(1))
            .append("</td><td>").append(row.get(2)).append("</td><td>").append(row.get(3)).append("</td><td>")
            .append(row.isNullAt(4) ? "–" : row.get(4)).append("</td><td>").append(row.get(5)).append("</td></tr>");
      }
      page.append("</table>");
    }
    page.append("<h2>Published evidence known on the run date</h2><ul>");
    for (Claim claim : claims) {
      page.append("<li>").append(escape(claim.label())).append(": ").append(String.format("%.2f", claim.share()))
          .append(" (").append(claim.when().getYear()).append(")</li>");
    }
    page.append("</ul><h2>Data</h2><p>Landing files from <code>").append(escape(landing))
        .append("</code>; method and assumptions in docs/forecast.md. Usage in the shipped samples is synthetic.</p>")
        .append("<p>Public data: Epoch AI, \"AI Chip Sales\", \"AI Chip Components\", \"AI Companies\", \"Machine"
            + " Learning Hardware\" and \"GPU Clusters\", published online at epoch.ai, CC BY 4.0, where landed;"
            + " published evidence of the inference share with its sources in gold/share_evidence.</p>")
        .append("</body></html>\n");
    return page.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(XYChart chart, String name, List<ForecastPoint> points,
      java.util.function.Function<ForecastPoint, Double> value, Color color, float width) {
    List<Date> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (ForecastPoint point : points) {
      if (value.apply(point) != null) {
        x.add(date(point.month()));
        y.add(value.apply(point));
      }
    }
    if (x.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE).setLineColor(color).setLineStyle(new BasicStroke(width));
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static String month(LocalDate day) {
    return day == null ? "–" : day.toString().substring(0, 7);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
