package org.campaignmetrics.input;

import java.util.List;
import java.util.stream.Stream;
import org.campaignmetrics.model.FigureTable;

/**
 * One file of the input contract: its name, the columns it must or may have (matched by header name,
 * in any order) and, for a figure file, the kind of figures it holds. A figure file may also come as
 * Parquet ({@link #parquetName}).
 */
public record InputFile(String fileName, List<String> required, List<String> optional, FigureTable figures) {

  /** Contract columns in the contract's order: required first, then optional. */
  public List<String> columns() {
    return Stream.concat(required.stream(), optional.stream()).toList();
  }

  /** The metric columns of a figure file. */
  public List<String> metrics() {
    return figures.metrics();
  }

  /** operations.csv may also come as operations.parquet, a file or a directory of part files. */
  public String parquetName() {
    return fileName.replaceAll("\\.csv$", ".parquet");
  }
}
