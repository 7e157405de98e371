package org.campaignmetrics.tables;

import java.util.List;
import java.util.Map;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.spark.TableRows;

/** What the output tables are built from: the derived figures and checks, and what the input gave. */
public record RunResult(List<Figure> figures, List<Check> checks, List<ContextObservation> context,
    Map<String, Report> reports, TableRows rejects) {}
