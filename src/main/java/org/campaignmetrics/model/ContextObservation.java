package org.campaignmetrics.model;

import java.time.LocalDate;

/** One observation of a stock (fighters at large, camp population) at a date, as context.csv states it. */
public record ContextObservation(String reportId, LocalDate asOf, String scope, String metric, Long value,
    Qualifier qualifier, String quote) {}
