package io.crossover.forecast;

import io.crossover.forecast.evidence.Claim;
import io.crossover.forecast.evidence.EvidenceModel;
import io.crossover.forecast.evidence.EvidenceTerms;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The market estimate from the published evidence, for people: a chart of every claim by measure
 * (values filled, analysts' forecasts hollow, bounds as arrows, published ranges as bars) with the
 * fitted reference path and its band, and the HTML sections with the offsets, the
 * leave-one-source-out shifts and the forecast scorecard.
 */
public final class EvidenceReport {
  private static final List<Color> MEASURE_COLOURS = List.of(new Color(30, 90, 200), new Color(200, 30, 60),
      new Color(30, 150, 80), new Color(220, 120, 40), new Color(130, 60, 170), new Color(90, 90, 90));

  private EvidenceReport() {}

  public static byte[] chartPng(LocalDate asOf, EvidenceModel.Result result) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(asOf, result), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static XYChart chart(LocalDate asOf, EvidenceModel.Result result) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1200).height(600)
        .title("Inference share of AI compute, market, from the published evidence, as of " + asOf)
        .xAxisTitle("year (claims at the middle of their period)").yAxisTitle("inference share").build();
    chart.getStyler().setXAxisDecimalPattern("0").setYAxisMin(0.0).setYAxisMax(1.0).setMarkerSize(9)
        .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE)
        .setChartBackgroundColor(Color.WHITE);
    List<ForecastPoint> path = result.path();
    line(chart, "band p10", path, ForecastPoint::shareP10, new Color(150, 180, 230), 1f);
    line(chart, "band p90", path, ForecastPoint::shareP90, new Color(150, 180, 230), 1f);
    line(chart, "fitted: compute share, market", path, ForecastPoint::inferenceShare, new Color(20, 60, 160), 2.5f);
    if (!path.isEmpty()) {
      XYSeries half = chart.addSeries("0.5", List.of(date(path.get(0).month()), date(path.get(path.size() - 1).month())),
          List.of(0.5, 0.5));
      half.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
          .setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    List<Claim> claims = new ArrayList<>(result.fitted());
    result.forecastScores().stream().map(EvidenceModel.ForecastScore::forecast).filter(f -> !claims.contains(f))
        .forEach(claims::add);
    Set<String> measures = new LinkedHashSet<>();
    claims.forEach(c -> measures.add(c.measure()));
    int index = 0;
    for (String measure : measures) {
      Color colour = MEASURE_COLOURS.get(index++ % MEASURE_COLOURS.size());
      List<Claim> ofMeasure = claims.stream().filter(c -> c.measure().equals(measure)).toList();
      scatter(chart, measure, ofMeasure.stream().filter(c -> c.kind().equals(Claim.OBSERVATION)).toList(),
          SeriesMarkers.CIRCLE, colour);
      scatter(chart, measure + " (forecast)", ofMeasure.stream().filter(c -> c.kind().equals(Claim.FORECAST)).toList(),
          new HollowCircle(), colour);
      scatter(chart, measure + " (bound >=)", ofMeasure.stream().filter(c -> c.relation().equals(">=")).toList(),
          SeriesMarkers.TRIANGLE_UP, colour);
      scatter(chart, measure + " (bound <=)", ofMeasure.stream().filter(c -> c.relation().equals("<=")).toList(),
          SeriesMarkers.TRIANGLE_DOWN, colour);
      for (Claim ranged : ofMeasure.stream().filter(c -> c.low() != null && c.high() != null).toList()) {
        XYSeries bar = chart.addSeries("range " + ranged.source() + " " + ranged.periodStart(),
            List.of(date(middle(ranged)), date(middle(ranged))), List.of(ranged.low(), ranged.high()));
        bar.setMarker(SeriesMarkers.NONE).setLineColor(colour).setShowInLegend(false);
      }
    }
    var estimate = result.estimate();
    if (estimate.p10() != null && estimate.p90() != null) {
      XYSeries window = chart.addSeries("crossover p10–p90 (" + month(estimate.p10()) + " – " + month(estimate.p90()) + ")",
          List.of(date(estimate.p10()), date(estimate.p10()), date(estimate.p90()), date(estimate.p90()), date(estimate.p10())),
          List.of(0.0, 1.0, 1.0, 0.0, 0.0));
      window.setMarker(SeriesMarkers.NONE).setLineColor(new Color(220, 120, 40));
    }
    return chart;
  }

  /** The HTML sections: the estimate's inputs, the offsets, the leave-one-source-out table and the scorecard. */
  public static String html(EvidenceModel.Result result) {
    var e = result.estimate();
    StringBuilder page = new StringBuilder("<h2>The market from the published evidence (evidence_logistic)</h2>")
        .append("<p>").append(e.evidenceRows()).append(" published claims from ").append(e.evidenceSources())
        .append(" sources. Crossover p50 <b>").append(month(e.p50())).append("</b> (p10 ").append(month(e.p10()))
        .append(" – p90 ").append(month(e.p90())).append("), P(crossed by the run date) = ")
        .append(e.probabilityCrossed() == null ? "–" : String.format(Locale.ROOT, "%.2f", e.probabilityCrossed()))
        .append(". Each claim is read through its measure's and scope's offset; docs/forecast.md explains the model.</p>")
        .append("<img src=\"evidence.png\" alt=\"published evidence and the fitted path\" width=\"1040\">")
        .append("<h3>Offsets and noise</h3><table><tr><th>kind</th><th>name</th><th>estimate (logit)</th><th>p10</th>"
            + "<th>p90</th><th>claims</th><th>sources</th></tr>");
    for (EvidenceTerms.Row t : result.terms()) {
      page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
          + "<td>%d</td><td>%d</td></tr>", t.kind(), escape(t.name()), t.estimate(), t.p10(), t.p90(), t.rows(), t.sources()));
    }
    page.append("</table><h3>Without each source</h3><table><tr><th>source</th><th>claims</th><th>p50 without it</th>"
        + "<th>shift (months)</th></tr>");
    for (EvidenceModel.LeaveOneOut l : result.leaveOneOut()) {
      page.append("<tr><td>").append(escape(l.source())).append("</td><td>").append(l.rows()).append("</td><td>")
          .append(l.p50() == null ? l.status() : month(l.p50())).append("</td><td>")
          .append(l.shiftMonths() == null ? "–" : String.format("%+d", l.shiftMonths())).append("</td></tr>");
    }
    page.append("</table><h3>Analysts' forecasts against the evidence</h3><table><tr><th>source</th><th>measure, scope</th>"
        + "<th>period</th><th>forecast</th><th>fitted (p10–p90)</th><th>observed later</th></tr>");
    for (EvidenceModel.ForecastScore s : result.forecastScores()) {
      Claim f = s.forecast();
      page.append("<tr><td>").append(escape(f.source())).append("</td><td>").append(f.measure()).append(", ")
          .append(escape(f.scope())).append("</td><td>").append(f.periodStart()).append(" – ").append(f.periodEnd())
          .append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>%.2f (%.2f–%.2f)</td><td>", f.share(),
              s.fittedShare(), s.fittedP10(), s.fittedP90()))
          .append(s.laterShare() == null ? "–" : String.format(Locale.ROOT, "%.2f (%s)", s.laterShare(),
              escape(s.laterSources()))).append("</td></tr>");
    }
    return page.append("</table>").toString();
  }

  private static void scatter(XYChart chart, String name, List<Claim> claims, Marker marker, Color colour) {
    if (claims.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, claims.stream().map(c -> date(middle(c))).toList(),
        claims.stream().map(Claim::share).toList());
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(marker).setMarkerColor(colour);
  }

  private static void line(XYChart chart, String name, List<ForecastPoint> points,
      java.util.function.Function<ForecastPoint, Double> value, Color colour, float width) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (ForecastPoint point : points) {
      if (value.apply(point) != null) {
        x.add(date(point.month()));
        y.add(value.apply(point));
      }
    }
    if (!x.isEmpty()) {
      chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE).setLineColor(colour).setLineStyle(new BasicStroke(width));
    }
  }

  private static LocalDate middle(Claim claim) {
    return claim.periodStart().plusDays(ChronoUnit.DAYS.between(claim.periodStart(), claim.periodEnd()) / 2);
  }

  /** The day as a decimal year (2025-07-02 is 2025.5): year ticks then fall on the first of January. */
  private static double date(LocalDate day) {
    return day.getYear() + (day.getDayOfYear() - 1) / (double) day.lengthOfYear();
  }

  private static String month(LocalDate day) {
    return day == null ? "beyond horizon" : day.toString().substring(0, 7);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
