package io.crossover;

import io.crossover.lake.StageReport;
import io.crossover.lake.TableStat;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;

/** The short report a person reads after a command. */
final class Summary {
  private Summary() {}

  static void printStages(PrintStream out, CommandLine cli, String runId, List<StageReport> reports) {
    out.printf("crossover %s  run_date=%s  run_id=%s%n", cli.command(), cli.runDate(), runId);
    out.printf("  %-8s %-32s %10s %12s %10s %9s%n", "stage", "table", "rows in", "quarantined", "written", "version");
    for (StageReport report : reports) {
      for (TableStat table : report.tables()) {
        out.printf("  %-8s %-32s %10d %12d %10d %9s%n", report.stage(), table.table(), table.rowsRead(),
            table.rowsQuarantined(), table.rowsWritten(),
            table.unchanged() ? "unchanged" : table.version() < 0 ? "-" : String.valueOf(table.version()));
      }
      for (String note : report.notes()) {
        out.printf("  %-8s note: %s%n", report.stage(), note);
      }
    }
  }

  /** The real datasets landed, with Epoch AI's credit, and the evidence of the inference share. */
  static void printPublicData(PrintStream out, java.util.Map<String, Long> silverRows, long[] evidence) {
    if (!silverRows.isEmpty()) {
      out.println("Public data in silver (Epoch AI datasets, epoch.ai, CC BY 4.0; hand-kept facts beside them):");
      silverRows.forEach((dataset, rows) -> out.printf("  %-62s %8d rows%n", dataset, rows));
    }
    if (evidence[0] + evidence[1] > 0) {
      out.printf("Published evidence of the inference share (gold/share_evidence): %d curated + %d derived from"
          + " compute spend, %d published by the run date%n", evidence[0], evidence[1], evidence[2]);
    }
  }

  /** The market crossover from the published evidence: the estimate a reader looks for first. */
  static void printEvidenceEstimate(PrintStream out, java.time.LocalDate asOf, List<Row> estimate, int horizonMonths) {
    if (estimate.isEmpty()) {
      return;
    }
    Row row = estimate.get(0);
    out.printf("Market crossover from the published evidence (model evidence_logistic, as of %s): %d claims from %d"
        + " sources%n", asOf, row.isNullAt(6) ? 0 : row.getInt(6), row.isNullAt(7) ? 0 : row.getInt(7));
    if (row.getString(0).equals("insufficient_evidence")) {
      out.println("  too little evidence to fit: at least 3 published values in 2 periods (land share_evidence)");
      return;
    }
    out.printf("  %-15s p50 %s  (p10 %s – p90 %s)  P(crossed by %s) = %.2f  P(within %d months) = %.2f%n",
        row.getString(0), month(row.get(2)), month(row.get(1)), month(row.get(3)), asOf, row.getDouble(4),
        horizonMonths, row.getDouble(5));
    out.println("  offsets, leave-one-source-out and the analysts' scorecard: gold/evidence_offsets,"
        + " gold/evidence_leave_one_out, gold/evidence_forecast_scores");
  }

  static void printLatestShares(PrintStream out, List<Row> latest) {
    if (latest.isEmpty()) {
      out.println("  no usage in gold/market_panel yet: land usage_events and run again");
      return;
    }
    out.println("Latest inference share of PFLOP-days (last complete month, gold/market_panel):");
    for (Row row : latest) {
      out.printf("  %-24s %s  %6.3f  (inference %.1f / training %.1f PFLOP-days)%n",
          row.getString(0), row.get(1), row.getDouble(2), row.getDouble(3), row.getDouble(4));
    }
  }

  static void printEstimates(PrintStream out, java.time.LocalDate asOf, int horizonMonths, String scenario,
      List<Row> estimates) {
    if (estimates.isEmpty()) {
      return;
    }
    String drivers = estimates.stream().map(r -> r.isNullAt(6) ? "" : r.getString(6)).filter(d -> !d.isEmpty())
        .distinct().sorted().collect(java.util.stream.Collectors.joining("; "));
    out.printf("Crossover (inference share of PFLOP-days reaches 0.5), as of %s, model logistic_share%s, scenario %s:%n",
        asOf, drivers.isEmpty() ? "" : " with drivers " + drivers, scenario);
    for (Row row : estimates) {
      String status = row.getString(1);
      String when = switch (status) {
        case "crossed" -> "crossed in " + month(row.get(3)) + "  (fitted curve: " + month(row.get(2))
            + " – " + month(row.get(4)) + ")";
        case "projected", "beyond_horizon" -> "p50 " + month(row.get(3)) + "  (p10 " + month(row.get(2))
            + " – p90 " + month(row.get(4)) + ")";
        case "always_above" -> "above 0.5 from the first month: crossed before the history, no date";
        case "fell_back" -> "was above 0.5 and is below again: no date";
        case "plateau" -> "levels off below 0.5: no date";
        case "not_converged" -> "the share fit did not settle: no date";
        default -> "too little history to fit";
      };
      String probability = row.isNullAt(5) || status.equals("plateau") ? ""
          : String.format("  P(within %d months) = %.2f", horizonMonths, row.getDouble(5));
      String flags = row.size() < 8 || row.isNullAt(7) || row.getString(7).isEmpty() ? ""
          : "  flags: " + row.getString(7);
      out.printf("  %-24s %-15s %s%s%s%n", row.getString(0), status, when, probability, flags);
    }
  }

  private static String month(Object date) {
    return date == null ? "beyond horizon" : date.toString().substring(0, 7);
  }

  static void printRows(PrintStream out, String[] columns, List<Row> rows) {
    int[] widths = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      widths[c] = columns[c].length();
      for (Row row : rows) {
        widths[c] = Math.max(widths[c], Math.min(60, text(row, c).length()));
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns.length; c++) {
      header.append(String.format("%-" + widths[c] + "s  ", columns[c]));
      rule.append("-".repeat(widths[c])).append("  ");
    }
    out.println(header.toString().stripTrailing());
    out.println(rule.toString().stripTrailing());
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns.length; c++) {
        String value = text(row, c);
        line.append(String.format("%-" + widths[c] + "s  ", value.length() > 60 ? value.substring(0, 57) + "..." : value));
      }
      out.println(line.toString().stripTrailing());
    }
    out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
  }

  private static String text(Row row, int column) {
    Object value = row.get(column);
    return value == null ? "NULL" : value.toString();
  }
}
