package io.crossover.forecast.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims a fit uses, as arrays in logit space: each claim's months (in years from the origin)
 * and weights, its logit share, the variance its published range adds, its status rank, whether it
 * is a bound, and the offset terms (one per measure and one per scope other than the reference
 * definition) it carries.
 */
final class EvidenceDesign {
  /** Statuses by how much noise they allow, least first. */
  static final List<String> STATUSES = List.of("confirmed", "press_report", "estimate");
  /** A published range is read as a central 80% interval: ±1.2816 standard deviations. */
  private static final double RANGE_Z = 1.2815515655446004;
  private static final double SHARE_FLOOR = 0.001;

  final List<Claim> claims;
  final List<String> terms;
  final double[][] years;
  final double[][] weights;
  final double[] logitShare;
  final double[] rangeVariance;
  final int[] statusRank;
  /** 0 for a point, +1 for a lower bound (>=), -1 for an upper bound (<=). */
  final int[] censoring;
  final int[] measureTerm;
  final int[] scopeTerm;

  EvidenceDesign(List<Claim> claims, List<String> terms, int origin) {
    this.claims = claims;
    this.terms = terms;
    int n = claims.size();
    years = new double[n][];
    weights = new double[n][];
    logitShare = new double[n];
    rangeVariance = new double[n];
    statusRank = new int[n];
    censoring = new int[n];
    measureTerm = new int[n];
    scopeTerm = new int[n];
    for (int i = 0; i < n; i++) {
      Claim claim = claims.get(i);
      double[][] months = claim.monthWeights();
      years[i] = new double[months[0].length];
      for (int k = 0; k < years[i].length; k++) {
        years[i][k] = (months[0][k] - origin) / 12.0;
      }
      weights[i] = months[1];
      logitShare[i] = logit(claim.share());
      rangeVariance[i] = rangeVariance(claim);
      statusRank[i] = Math.max(0, STATUSES.indexOf(claim.status()));
      if (statusRank[i] == 0 && !claim.status().equals(STATUSES.get(0))) {
        statusRank[i] = STATUSES.size() - 1;
      }
      censoring[i] = claim.relation().equals(">=") ? 1 : claim.relation().equals("<=") ? -1 : 0;
      measureTerm[i] = indexOf(terms, measureTerm(claim));
      scopeTerm[i] = indexOf(terms, scopeTerm(claim));
    }
  }

  /** The offset terms the claims carry, in order of first appearance: measure:<m> and scope:<s>. */
  static List<String> termsOf(List<Claim> claims) {
    Map<String, Boolean> terms = new LinkedHashMap<>();
    for (Claim claim : claims) {
      if (measureTerm(claim) != null) {
        terms.put(measureTerm(claim), true);
      }
      if (scopeTerm(claim) != null) {
        terms.put(scopeTerm(claim), true);
      }
    }
    return new ArrayList<>(terms.keySet());
  }

  /** The term's position, or -1 for the reference definition (no term) and for a term the fit does not carry. */
  private static int indexOf(List<String> terms, String term) {
    return term == null ? -1 : terms.indexOf(term);
  }

  static String measureTerm(Claim claim) {
    return claim.measure().equals(Claim.REFERENCE_MEASURE) ? null : "measure:" + claim.measure();
  }

  static String scopeTerm(Claim claim) {
    return claim.scope().equals(Claim.REFERENCE_SCOPE) ? null : "scope:" + claim.scope();
  }

  int size() {
    return claims.size();
  }

  static double logit(double share) {
    double p = Math.min(1 - SHARE_FLOOR, Math.max(SHARE_FLOOR, share));
    return Math.log(p / (1 - p));
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double rangeVariance(Claim claim) {
    double centre = logit(claim.share());
    double low = claim.low() == null ? centre : logit(claim.low());
    double high = claim.high() == null ? centre : logit(claim.high());
    double halfWidth = claim.low() != null && claim.high() != null ? (high - low) / 2
        : Math.max(centre - low, high - centre);
    double sd = halfWidth / RANGE_Z;
    return sd * sd;
  }
}
