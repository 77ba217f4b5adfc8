package io.crossover.lake;

import io.crossover.config.Settings;
import java.time.LocalDate;

/** What every stage of one invocation shares: where the lake is, the run id and the run date. */
public record RunContext(Lake lake, Settings settings, String runId, String command, LocalDate runDate) {}
