package io.crossover.refine;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/** How names become join keys: case, spacing and punctuation do not matter. */
public final class Keys {
  private Keys() {}

  /** "OpenAI Inc." and "openai inc" give the same key. Letters of any script are kept. */
  public static Column nameKey(Column name) {
    return regexp_replace(lower(trim(name)), "[^\\p{L}\\p{N}]+", "");
  }

  /** A readable id for a name with no alias: "Mistral AI" becomes "mistral-ai". */
  public static Column slug(Column name) {
    return regexp_replace(regexp_replace(lower(trim(name)), "[^\\p{L}\\p{N}]+", "-"), "^-+|-+$", "");
  }

  /**
   * The text without leading and trailing white space of any kind: Spark's trim removes only spaces,
   * and Epoch's chip names can end in a line break.
   */
  public static Column stripped(Column text) {
    return regexp_replace(text, "^\\s+|\\s+$", "");
  }

  /** "H100 SXM" and "h100-sxm" are the same chip. */
  public static Column chipId(Column chip) {
    return nameKey(chip);
  }
}
