package org.campaignmetrics.input;

import java.util.List;
import java.util.Map;
import org.campaignmetrics.model.Claim;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.campaignmetrics.spark.TableRows;

/**
 * The input as the derivation needs it: the valid reports by id, the rule-1 statements, the context
 * observations, the claims; and what was quarantined: the rejected rows (rows of {@link Quarantine#REJECTS_SCHEMA};
 * on the driver unless there are more than {@link Quarantine#REJECTS_COLLECTED}), how many, and each
 * file's account; and the rejected reports that rows of other files cite.
 */
public record LoadedInput(Map<String, Report> reports, List<Statement> statements, List<ContextObservation> context,
    List<Claim> claims, TableRows rejects, long rejectCount, List<FileAccount> accounts,
    List<RejectedReport> citedRejectedReports) {}
