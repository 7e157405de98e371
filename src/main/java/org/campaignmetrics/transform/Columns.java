package org.campaignmetrics.transform;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small helpers for calling Spark's Scala-typed API from Java. */
final class Columns {
  private Columns() {}

  /** Column names as the Scala Seq that Dataset.join(right, usingColumns, type) takes. */
  static Seq<String> names(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
  }
}
