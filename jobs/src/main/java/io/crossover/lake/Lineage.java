package io.crossover.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a table's commit was computed from: the build of crossover, the version of each input
 * table, and the settings that change its content — plus, for a table maintained incrementally,
 * how far it has consumed a growing input and the run date it was last brought to. Stored as JSON
 * in the commit's {@code userMetadata}; a table whose last lineage equals the one a stage would
 * record is current and is not recomputed.
 *
 * @param settings opaque {@code name=value} texts, compared whole
 * @param consumed the version of each incrementally read table read so far
 * @param runDate the run date the table was last brought to, when it depends on it incrementally
 */
public record Lineage(String build, SortedMap<String, Long> inputs, List<String> settings,
    SortedMap<String, Long> consumed, String runDate) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Lineage {
    inputs = new TreeMap<>(inputs);
    settings = List.copyOf(settings);
    consumed = new TreeMap<>(consumed);
  }

  static Lineage of(String build, Map<String, Long> inputs, List<String> settings) {
    return new Lineage(build, new TreeMap<>(inputs), settings, new TreeMap<>(), null);
  }

  /** This lineage having read {@code table} up to {@code version}. */
  public Lineage consuming(String table, long version) {
    SortedMap<String, Long> more = new TreeMap<>(consumed);
    more.put(table, version);
    return new Lineage(build, inputs, settings, more, runDate);
  }

  /** This lineage brought to {@code date}. */
  public Lineage broughtTo(java.time.LocalDate date) {
    return new Lineage(build, inputs, settings, consumed, date.toString());
  }

  /** Whether both were computed by the same build from the same inputs and settings, however far each has consumed. */
  public boolean sameBasis(Lineage other) {
    return build.equals(other.build) && inputs.equals(other.inputs) && settings.equals(other.settings);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a lineage always serialises", e);
    }
  }

  /** The lineage a commit recorded; empty for none, or for text that is not a lineage (a commit of an older build). */
  static Optional<Lineage> fromJson(String userMetadata) {
    if (userMetadata == null || userMetadata.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(userMetadata, Lineage.class));
    } catch (JsonProcessingException notALineage) {
      return Optional.empty();
    }
  }
}
