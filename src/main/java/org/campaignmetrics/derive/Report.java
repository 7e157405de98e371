package org.campaignmetrics.derive;

import java.io.Serializable;
import java.time.LocalDate;
import org.campaignmetrics.Period;

/** What the derivation needs of a report: how it ranks (rule 3) and what it declares complete (rule 2). */
public record Report(String reportId, String sourceType, LocalDate publishedOn, Period coverage)
    implements Serializable {}
