package io.crossover.forecast;

import java.io.Serializable;

/**
 * One segment's observed complete months, oldest first: month index, training and inference
 * PFLOP-days. Months with no compute at all are left out.
 */
public record History(String segment, int[] months, double[] training, double[] inference) implements Serializable {

  public int size() {
    return months.length;
  }

  public int lastMonth() {
    return months[months.length - 1];
  }

  public double total(int i) {
    return training[i] + inference[i];
  }

  public double share(int i) {
    return inference[i] / total(i);
  }
}
