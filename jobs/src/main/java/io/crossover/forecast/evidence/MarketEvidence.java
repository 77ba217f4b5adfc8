package io.crossover.forecast.evidence;

import static org.apache.spark.sql.functions.col;

import io.crossover.config.Settings;
import io.crossover.errors.Errors;
import io.crossover.forecast.ForecastStage;
import io.crossover.forecast.ForecastTables;
import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The evidence model at the forecast stage's edges: reads the claims of gold/share_evidence
 * published by the run date, fits them ({@link EvidenceModel}) and writes the offsets, the
 * leave-one-source-out and the forecast scorecard tables. The estimate and the path go to the
 * stage, which writes them with the telemetry's.
 */
public final class MarketEvidence {
  private MarketEvidence() {}

  /** The evidence's settings: what changes the tables besides gold/share_evidence. */
  public static String[] fingerprintSettings(Settings settings) {
    return new String[] {"evidence.offsetScale=" + settings.evidenceOffsetScale(),
        "evidence.includeForecasts=" + settings.evidenceIncludeForecasts()};
  }

  /**
   * The claims of gold/share_evidence published on or before {@code runDate}, in a stable order.
   * gold holds the claims landed by its last panel run; a date before that sees what was published by then.
   */
  public static List<Claim> knownClaims(Lake lake, LocalDate runDate) {
    Dataset<Row> evidence = lake.read(GoldTables.SHARE_EVIDENCE, PanelStage.NAME);
    List<Claim> claims = new ArrayList<>();
    for (Row row : evidence.where(col("published_on").leq(Date.valueOf(runDate)))
        .orderBy("source", "measure", "scope", "period_start", "period_end", "kind").collectAsList()) {
      claims.add(new Claim(row.getAs("source"), row.getAs("measure"), row.getAs("scope"),
          row.<Date>getAs("period_start").toLocalDate(), row.<Date>getAs("period_end").toLocalDate(),
          row.getAs("kind"), row.getAs("relation"), row.<Double>getAs("inference_share"), row.getAs("share_low"),
          row.getAs("share_high"), row.getAs("status"), row.<Date>getAs("published_on").toLocalDate()));
    }
    return claims;
  }

  /** The model's settings for {@code runDate}. */
  public static EvidenceConfig config(Settings settings, LocalDate runDate) {
    return new EvidenceConfig(runDate.toString(), ForecastStage.origin(runDate), settings.horizonMonths(),
        settings.bootstrap(), settings.evidenceOffsetScale(), settings.evidenceIncludeForecasts());
  }

  /**
   * Fits the evidence known on the run date, when gold/share_evidence exists (built by the panel for
   * the same run date), and writes its three tables.
   */
  public static Optional<EvidenceModel.Result> fitAndWrite(Lake lake, Settings settings, LocalDate runDate,
      String runId, Lineage inputs, StageReport report) {
    if (!lake.exists(GoldTables.SHARE_EVIDENCE)) {
      return Optional.empty();
    }
    Row builtFor = lake.read(GoldTables.SHARE_EVIDENCE, PanelStage.NAME).selectExpr("max(as_of)").first();
    if (!builtFor.isNullAt(0) && !builtFor.getDate(0).toLocalDate().equals(runDate)) {
      throw Errors.inputNotAsOf(ForecastStage.NAME, GoldTables.SHARE_EVIDENCE.name(), builtFor.getDate(0).toString(),
          runDate.toString());
    }
    EvidenceConfig config = config(settings, runDate);
    EvidenceModel.Result result = EvidenceModel.estimate(knownClaims(lake, runDate), config);
    Date asOf = Date.valueOf(runDate);
    String predicate = "as_of = " + SqlLiterals.date(runDate);
    List<Row> terms = result.terms().stream().map(t -> RowFactory.create(runId, asOf, t.kind(), t.name(),
        t.estimate(), nullIfNaN(t.p10()), nullIfNaN(t.p90()), t.rows(), t.sources())).toList();
    List<Row> leaveOneOut = result.leaveOneOut().stream().map(l -> RowFactory.create(runId, asOf, l.source(), l.rows(),
        l.status(), l.p50() == null ? null : Date.valueOf(l.p50()), l.shiftMonths(), l.probabilityCrossed())).toList();
    List<Row> scores = result.forecastScores().stream().map(s -> scoreRow(runId, asOf, s, config)).toList();
    report.table(TableStat.of(write(lake, ForecastTables.EVIDENCE_OFFSETS, terms, predicate, inputs), 0, 0));
    report.table(TableStat.of(write(lake, ForecastTables.EVIDENCE_LEAVE_ONE_OUT, leaveOneOut, predicate, inputs), 0, 0));
    report.table(TableStat.of(write(lake, ForecastTables.EVIDENCE_FORECAST_SCORES, scores, predicate, inputs), 0, 0));
    if (result.unconverged() > 0) {
      report.note("evidence_logistic: " + result.unconverged() + " of " + (config.replicates() + 1)
          + " fits stopped before converging; a replicate that did is left out (docs/forecast.md)");
    }
    return Optional.of(result);
  }

  private static Row scoreRow(String runId, Date asOf, EvidenceModel.ForecastScore score, EvidenceConfig config) {
    Claim f = score.forecast();
    return RowFactory.create(runId, asOf, f.source(), f.measure(), f.scope(), Date.valueOf(f.periodStart()),
        Date.valueOf(f.periodEnd()), Date.valueOf(f.publishedOn()), f.share(), score.fittedShare(),
        nullIfNaN(score.fittedP10()), nullIfNaN(score.fittedP90()),
        EvidenceDesign.logit(f.share()) - EvidenceDesign.logit(score.fittedShare()),
        f.share() >= score.fittedP10() && f.share() <= score.fittedP90(), score.laterShare(), score.laterSources(),
        config.includeForecasts());
  }

  private static WriteResult write(Lake lake, io.crossover.lake.TableSpec table, List<Row> rows, String predicate,
      Lineage inputs) {
    return lake.replaceWhere(table, lake.spark().createDataFrame(rows, table.schema()), predicate, inputs);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
