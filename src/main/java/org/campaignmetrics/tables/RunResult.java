package org.campaignmetrics.tables;

import java.util.List;
import java.util.Map;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.ClaimVerdict;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureChange;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.spark.TableRows;

/**
 * What the output tables are built from: the derived figures and checks (a contradicted claim's
 * included), what the input gave, what changed since the run published before (none on a first run:
 * {@code previousRunId} null), and the claims checked against the figures.
 */
public record RunResult(List<Figure> figures, List<Check> checks, List<ContextObservation> context,
    Map<String, Report> reports, TableRows rejects, List<FigureChange> changes, String previousRunId,
    List<ClaimVerdict> claims) {}
