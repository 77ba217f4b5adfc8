package io.crossover.forecast.evidence;

import java.util.ArrayList;
import java.util.List;

/** The fitted offsets per measure and scope, and the noise scale per status, with their bootstrap p10–p90. */
public final class EvidenceTerms {
  public static final String NOISE = "noise";

  private EvidenceTerms() {}

  /**
   * One row of gold/evidence_offsets.
   *
   * @param kind measure, scope or noise
   * @param name the measure, the scope or the status
   * @param estimate the offset in logit (measure, scope) or the noise standard deviation in logit (noise)
   */
  public record Row(String kind, String name, double estimate, double p10, double p90, int rows, int sources) {}

  static List<Row> of(EvidenceDesign design, EvidenceModel.Replicates replicates) {
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < design.terms.size(); t++) {
      int term = t;
      String[] kindAndName = design.terms.get(t).split(":", 2);
      List<Claim> informing = new ArrayList<>();
      for (int i = 0; i < design.size(); i++) {
        if (design.measureTerm[i] == term || design.scopeTerm[i] == term) {
          informing.add(design.claims.get(i));
        }
      }
      rows.add(row(kindAndName[0], kindAndName[1], replicates.point().offsets()[t],
          replicates.paths().stream().filter(p -> p.informed()[term]).mapToDouble(p -> p.offsets()[term]).sorted()
              .toArray(), informing));
    }
    for (int s = 0; s < EvidenceDesign.STATUSES.size(); s++) {
      int status = s;
      List<Claim> informing = new ArrayList<>();
      for (int i = 0; i < design.size(); i++) {
        if (design.statusRank[i] == status) {
          informing.add(design.claims.get(i));
        }
      }
      rows.add(row(NOISE, EvidenceDesign.STATUSES.get(s), replicates.point().noise()[s],
          replicates.paths().stream().mapToDouble(p -> p.noise()[status]).sorted().toArray(), informing));
    }
    return rows;
  }

  private static Row row(String kind, String name, double estimate, double[] sorted, List<Claim> informing) {
    return new Row(kind, name, estimate,
        sorted.length == 0 ? Double.NaN : EvidenceModel.quantile(sorted, 0.1),
        sorted.length == 0 ? Double.NaN : EvidenceModel.quantile(sorted, 0.9),
        informing.size(), (int) informing.stream().map(Claim::source).distinct().count());
  }
}
