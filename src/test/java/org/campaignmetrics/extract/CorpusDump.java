package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.List;

/** Prints the extraction of the labelled corpus: a development aid, run by hand (main). */
final class CorpusDump {
  public static void main(String[] args) {
    List<Scoring.Row> expSeeds = new ArrayList<>(), actSeeds = new ArrayList<>(), expRest = new ArrayList<>(), actRest = new ArrayList<>();
    for (Corpus.Labelled l : Corpus.load(Corpus.DIR)) {
      boolean seed = l.file().startsWith("seed-");
      (seed ? expSeeds : expRest).addAll(l.expected());
      (seed ? actSeeds : actRest).addAll(Scoring.actual(l.file(), l.extraction()));
      if (args.length > 0 && l.file().contains(args[0])) {
        System.out.println("==== " + l.file() + " " + l.extraction().report());
        l.extraction().figures().forEach(f -> System.out.println("  " + f.start() + ".." + f.end() + " " + f.theater() + " " + f.metric() + " " + f.qualifier().format(f.value()) + "  [" + f.line() + "]"));
        l.extraction().review().forEach(r -> System.out.println("  REVIEW line " + r.line() + " '" + r.number() + "': " + r.reason()));
      }
    }
    System.out.print(Scoring.table("seeds", Scoring.score(expSeeds, actSeeds)));
    System.out.print(Scoring.table("rest", Scoring.score(expRest, actRest)));
  }
}
