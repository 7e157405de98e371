package org.campaignmetrics.derive;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One report's value for one (period, theater, metric), after rules 1 and 2, carrying what rule 3
 * needs to rank the report. A Java bean so Spark can encode it.
 */
public class Statement implements Serializable {
  private String table;
  private String reportId;
  private String sourceType;
  private LocalDate publishedOn;
  private LocalDate periodStart;
  private LocalDate periodEnd;
  private String theater;
  private String metric;
  private Long value;
  private String quote;
  private String qualifier = "exact";

  public Statement() {}

  public Statement(String reportId, String sourceType, LocalDate publishedOn, LocalDate periodStart,
      LocalDate periodEnd, String theater, String metric, long value, String quote) {
    this.table = org.campaignmetrics.Metric.tableOf(metric);
    this.reportId = reportId;
    this.sourceType = sourceType;
    this.publishedOn = publishedOn;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.theater = theater;
    this.metric = metric;
    this.value = value;
    this.quote = quote;
  }

  public String getTable() { return table; }
  public void setTable(String table) { this.table = table; }
  public String getReportId() { return reportId; }
  public void setReportId(String reportId) { this.reportId = reportId; }
  public String getSourceType() { return sourceType; }
  public void setSourceType(String sourceType) { this.sourceType = sourceType; }
  public LocalDate getPublishedOn() { return publishedOn; }
  public void setPublishedOn(LocalDate publishedOn) { this.publishedOn = publishedOn; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
  public LocalDate getPeriodEnd() { return periodEnd; }
  public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
  public String getTheater() { return theater; }
  public void setTheater(String theater) { this.theater = theater; }
  public String getMetric() { return metric; }
  public void setMetric(String metric) { this.metric = metric; }
  public Long getValue() { return value; }
  public void setValue(Long value) { this.value = value; }
  public String getQuote() { return quote; }
  public void setQuote(String quote) { this.quote = quote; }
  public String getQualifier() { return qualifier; }
  public void setQualifier(String qualifier) { this.qualifier = qualifier; }
}
