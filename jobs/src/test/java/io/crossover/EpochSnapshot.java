package io.crossover;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the real Epoch AI files land as: rows accepted into bronze and rows quarantined, per dataset.
 * {@link EpochLandingTest} measures them and docs/landing.md lists them (DocsTest renders this).
 */
public final class EpochSnapshot {
  /** The newest vintage of each dataset, as shipped in data-samples/epoch/. */
  public static final Map<String, long[]> DATA_SAMPLES = counts(
      "epoch_funding_rounds", 47, 0,
      "epoch_compute_spend", 14, 0,
      "epoch_usage_reports", 49, 0,
      "epoch_ml_hardware", 170, 0,
      "epoch_chip_sales", 160, 0,
      "epoch_chip_sales_by_designer", 68, 0,
      "epoch_chip_components", 43, 0,
      "epoch_component_supply", 8, 0,
      "epoch_gpu_clusters", 786, 0);

  /** The December 2025 raw export of AI Companies (the byte format of a real download). */
  public static final Map<String, long[]> RAW_EXPORT_2025_12 = counts(
      "epoch_funding_rounds", 36, 0,
      "epoch_compute_spend", 10, 1,
      "epoch_usage_reports", 44, 0);

  private EpochSnapshot() {}

  private static Map<String, long[]> counts(Object... datasetLandedQuarantined) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < datasetLandedQuarantined.length; i += 3) {
      counts.put((String) datasetLandedQuarantined[i], new long[] {
          ((Number) datasetLandedQuarantined[i + 1]).longValue(), ((Number) datasetLandedQuarantined[i + 2]).longValue()});
    }
    return counts;
  }
}
