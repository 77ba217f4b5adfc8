package io.crossover.lake;

/** How many checked rows passed and failed one rule. */
public record RuleOutcome(String stage, String dataset, String rule, long passed, long failed) {}
