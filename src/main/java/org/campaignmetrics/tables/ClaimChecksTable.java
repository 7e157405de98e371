package org.campaignmetrics.tables;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Claim;
import org.campaignmetrics.model.ClaimVerdict;

/**
 * {@code claim_checks}: every claim of claims.csv with the figures behind its two sides, what the
 * figures show (the ratio, difference or value), the verdict and why.
 */
public final class ClaimChecksTable {
  public static final StructType SCHEMA = new StructType()
      .add("claim_id", DataTypes.StringType)
      .add("report_id", DataTypes.StringType)
      .add("quote", DataTypes.StringType)
      .add("metric", DataTypes.StringType)
      .add("theater", DataTypes.StringType)
      .add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType)
      .add("basis", DataTypes.StringType)
      .add("baseline_start", DataTypes.DateType)
      .add("baseline_end", DataTypes.DateType)
      .add("baseline_theater", DataTypes.StringType)
      .add("comparison", DataTypes.StringType)
      .add("operator", DataTypes.StringType)
      .add("threshold", DataTypes.DoubleType)
      .add("tolerance", DataTypes.DoubleType)
      .add("claimed_value", DataTypes.LongType)
      .add("claimed_qualifier", DataTypes.StringType)
      .add("claimed_sources", DataTypes.StringType)
      .add("baseline_value", DataTypes.LongType)
      .add("baseline_qualifier", DataTypes.StringType)
      .add("baseline_sources", DataTypes.StringType)
      .add("observed", DataTypes.DoubleType)
      .add("verdict", DataTypes.StringType)
      .add("reason", DataTypes.StringType);

  public static final OutputTable TABLE =
      OutputTable.onDriver("claim_checks", SCHEMA, List.of("claim_id"), run -> build(run.claims()));

  private ClaimChecksTable() {}

  public static List<Row> build(List<ClaimVerdict> verdicts) {
    return verdicts.stream().sorted(Comparator.comparing((ClaimVerdict v) -> v.claim().claimId())).map(v -> {
      Claim c = v.claim();
      return RowFactory.create(c.claimId(), c.reportId(), c.quote(), c.metric(), c.theater(), c.period().start(),
          c.period().end(), c.basis().code(), c.baseline() == null ? null : c.baseline().start(),
          c.baseline() == null ? null : c.baseline().end(), c.baselineTheater(), c.comparison().code(),
          c.operator().symbol(), c.threshold(), c.tolerance(),
          v.claimedValue(), v.claimedQualifier() == null ? null : v.claimedQualifier().code(), v.claimedSources(),
          v.baselineValue(), v.baselineQualifier() == null ? null : v.baselineQualifier().code(), v.baselineSources(),
          v.observed(), v.verdict().code(), v.reason());
    }).toList();
  }
}
