package org.campaignmetrics.derive;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One place where two ways of getting the same figure disagree: validation results as data. A
 * Java bean so Spark can encode it.
 */
public class Check implements Serializable {
  public static final String ERROR = "error";
  public static final String WARNING = "warning";

  private String check;
  private String severity;
  private LocalDate periodStart;
  private LocalDate periodEnd;
  private String periodLabel;
  private String theater;
  private String metric;
  private Long value;
  private Long comparedValue;
  private Long difference;
  private String figures;
  private String sources;
  private String message;

  public Check() {}

  public String getCheck() { return check; }
  public void setCheck(String check) { this.check = check; }
  public String getSeverity() { return severity; }
  public void setSeverity(String severity) { this.severity = severity; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
  public LocalDate getPeriodEnd() { return periodEnd; }
  public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
  public String getPeriodLabel() { return periodLabel; }
  public void setPeriodLabel(String periodLabel) { this.periodLabel = periodLabel; }
  public String getTheater() { return theater; }
  public void setTheater(String theater) { this.theater = theater; }
  public String getMetric() { return metric; }
  public void setMetric(String metric) { this.metric = metric; }
  public Long getValue() { return value; }
  public void setValue(Long value) { this.value = value; }
  public Long getComparedValue() { return comparedValue; }
  public void setComparedValue(Long comparedValue) { this.comparedValue = comparedValue; }
  public Long getDifference() { return difference; }
  public void setDifference(Long difference) { this.difference = difference; }
  public String getFigures() { return figures; }
  public void setFigures(String figures) { this.figures = figures; }
  public String getSources() { return sources; }
  public void setSources(String sources) { this.sources = sources; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }

  @Override
  public String toString() {
    return severity + " " + check + ": " + message;
  }
}
