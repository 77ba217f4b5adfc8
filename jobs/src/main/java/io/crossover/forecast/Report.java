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
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The forecast for people: a PNG chart of the market's observed and forecast inference share with
 * its p10–p90 band, the 0.5 line, the crossover window and published claims; and an HTML page with
 * the estimates per segment, the chart and where the data came from.
 */
public final class Report {
  /** A published claim of the inference share, drawn as a labelled point. */
  public record Claim(String label, LocalDate when, double share) {}

  /** Series names, which the chart's tests look up. */
  static final String OBSERVED = "observed (complete months)";
  static final String INCOMPLETE = "incomplete month";
  static final String FORECAST = "forecast (fitted)";
  static final String BAND = "forecast p10–p90 (a month's share)";
  /**
   * Forecast months are drawn up to the first whose p90 − p10 exceeds this: the band then covers
   * (nearly) the whole 0–1 axis, so the months after it carry no readable forecast.
   */
  static final double UNINFORMATIVE_BAND_WIDTH = 0.9;

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
   * estimate's crossover window (when it has one) and the claims. The forecast line and band start
   * at the last complete observed month; history rows of months not over on {@code asOf} are drawn
   * apart as hollow markers; forecast months stop where the band covers (nearly) the whole axis.
   */
  public static XYChart shareChart(String segment, LocalDate asOf, List<ForecastPoint> points, Estimate estimate,
      List<Claim> claims) {
    XYChart chart = emptyChart(segment, asOf);
    List<ForecastPoint> observed = points.stream().filter(p -> p.isHistory() && !isIncomplete(p, asOf)).toList();
    List<ForecastPoint> incomplete = points.stream().filter(p -> p.isHistory() && isIncomplete(p, asOf)).toList();
    Horizon horizon = Horizon.of(points.stream().filter(p -> !p.isHistory()).toList());
    List<ForecastPoint> joined = joinedToObserved(observed, horizon.shown());
    band(chart, joined, horizon.cut());
    line(chart, OBSERVED, observed, ForecastPoint::inferenceShare, new Color(40, 40, 40), 1.5f);
    line(chart, FORECAST, joined, ForecastPoint::inferenceShare, new Color(30, 90, 200), 2.5f);
    incompleteMonths(chart, asOf, incomplete);
    halfLine(chart, observed, incomplete, horizon.shown());
    crossoverWindow(chart, estimate);
    publishedClaims(chart, claims);
    return chart;
  }

  private static XYChart emptyChart(String segment, LocalDate asOf) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1000).height(720)
        .title("Inference share of AI compute (PFLOP-days), " + segment + ", as of " + asOf)
        .xAxisTitle("month").yAxisTitle("inference share").build();
    chart.getStyler().setDatePattern("yyyy-MM").setTimezone(java.util.TimeZone.getTimeZone("UTC"))
        .setYAxisMin(0.0).setYAxisMax(1.0).setMarkerSize(9)
        .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Vertical)
        .setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  /** A month still running on the run date holds part of its usage, so its share is not yet the month's. */
  static boolean isIncomplete(ForecastPoint point, LocalDate asOf) {
    return point.month().withDayOfMonth(point.month().lengthOfMonth()).isAfter(asOf);
  }

  /**
   * The forecast months worth drawing, and the first month left out (null when none is): from the
   * first month whose p10–p90 band spans more than {@link #UNINFORMATIVE_BAND_WIDTH}, the band covers
   * the plot and a fitted line drawn through it would look more certain than the forecast is.
   */
  record Horizon(List<ForecastPoint> shown, LocalDate cut) {
    static Horizon of(List<ForecastPoint> forecast) {
      for (int i = 0; i < forecast.size(); i++) {
        ForecastPoint point = forecast.get(i);
        if (point.shareP10() != null && point.shareP90() != null
            && point.shareP90() - point.shareP10() > UNINFORMATIVE_BAND_WIDTH) {
          return new Horizon(forecast.subList(0, i), point.month());
        }
      }
      return new Horizon(forecast, null);
    }
  }

  /**
   * The forecast led by the last complete observed month, with a band of no width there (that share
   * is known), so line and band leave from the observation rather than a month later.
   */
  private static List<ForecastPoint> joinedToObserved(List<ForecastPoint> observed, List<ForecastPoint> forecast) {
    if (observed.isEmpty() || forecast.isEmpty()) {
      return forecast;
    }
    ForecastPoint last = observed.get(observed.size() - 1);
    List<ForecastPoint> joined = new ArrayList<>();
    joined.add(new ForecastPoint(last.segment(), last.model(), last.month(), true, last.inferenceShare(),
        last.inferenceShare(), last.inferenceShare(), last.trainingPflopDays(), last.inferencePflopDays()));
    joined.addAll(forecast);
    return joined;
  }

  /** The p10–p90 band as one filled polygon: along p90 forward, back along p10. */
  private static void band(XYChart chart, List<ForecastPoint> forecast, LocalDate cut) {
    List<ForecastPoint> banded = forecast.stream().filter(p -> p.shareP10() != null && p.shareP90() != null).toList();
    if (banded.isEmpty()) {
      return;
    }
    List<Date> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    banded.forEach(p -> {
      x.add(date(p.month()));
      y.add(p.shareP90());
    });
    for (int i = banded.size() - 1; i >= 0; i--) {
      x.add(date(banded.get(i).month()));
      y.add(banded.get(i).shareP10());
    }
    XYSeries series = chart.addSeries(BAND, x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setMarker(SeriesMarkers.NONE)
        .setLineColor(new Color(30, 90, 200, 110)).setLineStyle(new BasicStroke(0.8f));
    series.setFillColor(new Color(30, 90, 200, 70));
    if (cut != null) {
      series.setLabel(BAND + "\ncut at " + month(cut) + " where p10–p90 spans the whole axis");
    }
  }

  /** Months not over on the run date: hollow and unjoined, since their share is provisional. */
  private static void incompleteMonths(XYChart chart, LocalDate asOf, List<ForecastPoint> incomplete) {
    if (incomplete.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(INCOMPLETE, incomplete.stream().map(p -> date(p.month())).toList(),
        incomplete.stream().map(ForecastPoint::inferenceShare).toList());
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(new HollowCircle())
        .setMarkerColor(new Color(40, 40, 40)).setLabel(INCOMPLETE + " (data to " + asOf + ")");
  }

  /** The 0.5 line under everything drawn from the points. */
  private static void halfLine(XYChart chart, List<ForecastPoint> observed, List<ForecastPoint> incomplete,
      List<ForecastPoint> forecast) {
    List<LocalDate> months = java.util.stream.Stream.of(observed, incomplete, forecast).flatMap(List::stream)
        .map(ForecastPoint::month).sorted().toList();
    if (months.isEmpty()) {
      return;
    }
    XYSeries half = chart.addSeries("0.5", List.of(date(months.get(0)), date(months.get(months.size() - 1))),
        List.of(0.5, 0.5));
    half.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
        .setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }

  private static void crossoverWindow(XYChart chart, Estimate estimate) {
    if (estimate == null || estimate.p10() == null || estimate.p90() == null) {
      return;
    }
    XYSeries window = chart.addSeries("crossover p10–p90 (" + month(estimate.p10()) + " – " + month(estimate.p90()) + ")",
        List.of(date(estimate.p10()), date(estimate.p10()), date(estimate.p90()), date(estimate.p90()), date(estimate.p10())),
        List.of(0.0, 1.0, 1.0, 0.0, 0.0));
    window.setMarker(SeriesMarkers.NONE).setLineColor(new Color(220, 120, 40));
  }

  private static void publishedClaims(XYChart chart, List<Claim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    XYSeries published = chart.addSeries("published claims", claims.stream().map(c -> date(c.when())).toList(),
        claims.stream().map(Claim::share).toList());
    published.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND)
        .setMarkerColor(new Color(200, 30, 60));
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
          + "<th>mean |crossover error| (months)</th><th>forecasts</th><th>p10–p90 coverage</th>"
          + "<th>mean interval score</th></tr>");
      for (org.apache.spark.sql.Row row : backtest) {
        page.append("<tr><td>").append(row.get(0)).append("</td><td>").append(row.isNullAt(1) ? "" : row.get(1))
            .append("</td><td>").append(row.get(2)).append("</td><td>").append(row.get(3)).append("</td><td>")
            .append(row.isNullAt(4) ? "–" : row.get(4)).append("</td><td>").append(row.get(5)).append("</td><td>")
            .append(row.isNullAt(6) ? "–" : row.get(6)).append("</td><td>").append(row.isNullAt(7) ? "–" : row.get(7))
            .append("</td></tr>");
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
