package org.campaignmetrics.derive;

import java.io.Serializable;
import java.time.LocalDate;

/** One resolved figure: the single value the job stands behind for (period, theater, metric). */
public class Figure implements Serializable {
  private String table;
  private LocalDate periodStart;
  private LocalDate periodEnd;
  private String periodLabel;
  private String grain;
  private String theater;
  private String metric;
  private Long value;
  private String derivation;
  private String sources;
  private String quote;
  private String qualifier = "exact";

  public Figure() {}

  public String getTable() { return table; }
  public void setTable(String table) { this.table = table; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
  public LocalDate getPeriodEnd() { return periodEnd; }
  public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
  public String getPeriodLabel() { return periodLabel; }
  public void setPeriodLabel(String periodLabel) { this.periodLabel = periodLabel; }
  public String getGrain() { return grain; }
  public void setGrain(String grain) { this.grain = grain; }
  public String getTheater() { return theater; }
  public void setTheater(String theater) { this.theater = theater; }
  public String getMetric() { return metric; }
  public void setMetric(String metric) { this.metric = metric; }
  public Long getValue() { return value; }
  public void setValue(Long value) { this.value = value; }
  public String getDerivation() { return derivation; }
  public void setDerivation(String derivation) { this.derivation = derivation; }
  public String getSources() { return sources; }
  public void setSources(String sources) { this.sources = sources; }
  public String getQuote() { return quote; }
  public void setQuote(String quote) { this.quote = quote; }
  public String getQualifier() { return qualifier; }
  public void setQualifier(String qualifier) { this.qualifier = qualifier; }

  @Override
  public String toString() {
    return periodStart + "/" + periodEnd + " " + theater + " " + metric + "=" + value + " (" + derivation
        + " from " + sources + ")";
  }
}
