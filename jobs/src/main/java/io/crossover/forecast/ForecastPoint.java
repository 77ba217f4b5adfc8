package io.crossover.forecast;

import java.io.Serializable;
import java.time.LocalDate;

/** One row of gold/crossover_forecast: an observed month, or a forecast month with its band. */
public record ForecastPoint(String segment, String model, LocalDate month, boolean isHistory, double inferenceShare,
    Double shareP10, Double shareP90, Double trainingPflopDays, Double inferencePflopDays) implements Serializable {}
