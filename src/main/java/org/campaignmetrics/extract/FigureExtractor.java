package org.campaignmetrics.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignmetrics.extract.Extraction.Figure;
import org.campaignmetrics.extract.Extraction.ReviewItem;
import org.campaignmetrics.extract.MetricPhrases.MissionKind;
import org.campaignmetrics.extract.MetricPhrases.Noun;
import org.campaignmetrics.extract.MetricPhrases.Reading;
import org.campaignmetrics.extract.MetricPhrases.Table;
import org.campaignmetrics.extract.NumberPhrases.Mention;
import org.campaignmetrics.extract.NumberPhrases.Role;
import org.campaignmetrics.extract.Sentences.Layout;
import org.campaignmetrics.extract.Sentences.Sentence;
import org.campaignmetrics.model.Qualifier;

/**
 * The extraction of one document, a pure function of its text and metadata: every number of the
 * text is either in a figure or in the review list, except dates, years, release numbers, parts of
 * names and page furniture ({@link NumberPhrases.Role}).
 *
 * <p>A figure's metric comes from the words around its number ({@link MetricPhrases}); its theater
 * from a scope phrase of its sentence, the table column or list heading it sits under, the partner
 * forces it names, the sentence before in its paragraph, or else the document's scope (the title's,
 * the lead's, or ALL when the document names both theaters); its
 * period from a period phrase of its sentence, or else the period of the last sentence that gave
 * figures (or, before any, the last period stated: "During this period"). What cannot be placed
 * that way is never guessed: it goes to review with the reason.
 */
public final class FigureExtractor {
  /** A number that continues the previous one with its own theater: "30 of which were in Iraq", "466 in Syria". */
  static final Pattern BREAKDOWN = Pattern.compile("(?i)^\\s*(?:of\\s+(?:which|those|them)\\b)?(?:\\s*[\\p{L}-]+){0,4}?\\s*\\b"
      + "in\\s+(?:the\\s+)?(Iraq|Syria)\\b");
  /** "from 37 in June to 20 last month", "from 7 to 11 missions": a change, two figures of unclear scope. */
  static final Pattern CHANGE_FROM = Pattern.compile("(?i)\\bfrom\\s*$");
  static final Pattern CHANGE_TO = Pattern.compile("(?i)^\\s*(?:in\\s+[\\p{L}]+\\s+|last\\s+[\\p{L}]+\\s+)?to\\s*$");
  /** "The fighting led to...": the event of the sentence before, with its period and theater. */
  static final Pattern EVENT_BACKREF = Pattern.compile("^(?:The|This|That)\\s+(?:fighting|attack|raid|operation|strike|battle|"
      + "assault|clash(?:es)?|ambush|airstrike)\\b");
  /**
   * "As a result", "These operations": the figures of the sentence before, with their theater.
   * "The above operations" is not one: it sums up all of them, in the document's scope.
   */
  static final Pattern CONTINUATION = Pattern.compile("(?i)^(?:As\\s+a\\s+result|(?:These|The|Those)\\s+(?:operations|"
      + "missions|raids|strikes)|This\\s+effort|These\\s+efforts|They)\\b");
  /** A reporting verb between a period phrase and a number: the phrase dates the report ("Back in June, CENTCOM reported"). */
  static final Pattern REPORTED = Pattern.compile("(?i)\\b(?:reported|announced|said|revealed|declared|stated|told)\\b");
  /** ", CENTCOM said,": an aside naming the source. */
  static final Pattern ASIDE = Pattern.compile("(?i),\\s*[^,]{0,40}\\b(?:said|says|reported)\\s*,");
  /**
   * "including Anas, ... in eastern Syria,", ", which included unilateral strikes in Syria,": a scope
   * inside describes someone or something, not where the figure was counted.
   */
  static final Pattern INCLUDING = Pattern.compile("(?i)\\bincluding\\b[^.;]*?(?:,|$)|,\\s*which\\b[^.;,]*,");
  /** A comparison with an earlier stock: "This is down from the peak of over 70,000 in 2019." */
  static final Pattern COMPARISON = Pattern.compile("(?i)\\b(?:down\\s+from|up\\s+from|decreased\\s+from|increased\\s+from|"
      + "compared\\s+(?:to|with)|compares\\s+to|a\\s+peak\\s+of|the\\s+peak\\s+of)\\b");
  /** The camps whose population is a context figure. */
  static final Pattern HOL = Pattern.compile("(?i)\\bal[- ]?hol\\b");
  static final Pattern ROJ = Pattern.compile("(?i)\\b(?:al[- ]?)?roj\\b");

  private final DocumentInfo info;
  private final String document;
  private final LocalDate reference;
  private final List<Found> found = new ArrayList<>();
  private final List<ReviewItem> review = new ArrayList<>();

  private final String titleScope;
  private final String namedScope;
  private boolean leadDecided;
  private String leadScope;
  private Span lastStated;
  private boolean figureSeen;
  private Span lastFigurePeriod;
  private String lastFigureScope;
  private int lastFigureParagraph = -1;
  private int paragraph = -1;
  private Span previousSentencePeriod;
  private String previousSentenceScope;
  private Found lastFigure;
  private boolean claimedBefore;

  /** A period: from and to, inclusive. */
  record Span(LocalDate from, LocalDate to) {}

  /** A figure being built: the contract figure plus how it was found. */
  private static final class Found {
    String metric;
    long value;
    Qualifier qualifier;
    Span period;
    String theater;
    MissionKind kind = MissionKind.TOTAL;
    List<String> quotes = new ArrayList<>();
    int line;
    int offset;
    String number;
    String sentence;

    Figure figure() {
      return new Figure(metric, value, qualifier, period.from(), period.to(), theater, List.copyOf(quotes), line, offset);
    }
  }

  private FigureExtractor(String document, DocumentInfo info, List<Sentence> sentences) {
    this.info = info;
    this.document = document;
    this.reference = info.referenceDate();
    String title = info.title() == null ? "" : info.title();
    this.titleScope = singleScope(TheaterScopes.find(title));
    PeriodPhrases.find(title, reference, null).stream().filter(PeriodPhrases.Mention::dated).findFirst()
        .ifPresent(p -> lastStated = new Span(p.from(), p.to()));
    Set<String> named = new LinkedHashSet<>();
    for (Sentence s : sentences) {
      if (s.layout() == Layout.PROSE) {
        TheaterScopes.find(s.text()).stream().filter(m -> m.start() >= s.datelineEnd()).forEach(m -> named.add(m.theater()));
      }
    }
    this.namedScope = named.contains(TheaterScopes.ALL) || named.contains(TheaterScopes.IRAQ) && named.contains(TheaterScopes.SYRIA)
        ? TheaterScopes.ALL : named.size() == 1 ? named.iterator().next() : null;
  }

  /** The figures and review items of one document. */
  public static Extraction extract(String text, DocumentInfo info) {
    List<Sentence> sentences = Sentences.split(text);
    FigureExtractor run = new FigureExtractor(info.file(), info, sentences);
    for (Sentence s : sentences) {
      run.sentence(s);
    }
    if (run.reference == null) {
      run.review.add(new ReviewItem(info.file(), info.reportId(), 0, "",
          "no publication date: figures that need one (relative periods, context figures) are listed here", ""));
    }
    return new Extraction(info, run.merged(), List.copyOf(run.review));
  }

  // ---------------------------------------------------------------- one unit of text

  private void sentence(Sentence s) {
    String text = s.text();
    switch (s.layout()) {
      case TABLE_ROW -> {
        int[][] cells = Sentences.cells(text);
        for (int c = 0; c < cells.length; c++) {
          unit(s, text.substring(cells[c][0], cells[c][1]), s.columns()[c], true);
        }
      }
      case LIST_ITEM -> unit(s, text, s.heading(), true);
      default -> unit(s, text, null, false);
    }
  }

  /**
   * Reads the numbers of {@code text} (a sentence, or one cell or item of {@code s}). A table cell
   * or list item has its theater from its column or heading ({@code fixedTheater}, null when the
   * list has no heading) and never from the document.
   */
  private void unit(Sentence s, String text, String fixedTheater, boolean laidOut) {
    int from = laidOut ? 0 : s.datelineEnd();
    List<Mention> mentions = NumberPhrases.find(text).stream().filter(m -> m.start() >= from).toList();
    List<PeriodPhrases.Mention> periods = PeriodPhrases.find(text, reference, contextYear()).stream()
        .filter(p -> p.start() >= from && p.kind() != PeriodPhrases.Kind.REPORT).toList();
    List<TheaterScopes.Mention> scopes = laidOut ? List.of()
        : TheaterScopes.find(text).stream().filter(m -> m.start() >= from).toList();
    List<int[]> including = spans(INCLUDING, text);
    List<Mention> counts = counts(s, text, mentions, periods, laidOut);
    Readings read = read(text, from, counts, scopes, laidOut);
    Reading[] readings = read.readings();
    TheaterScopes.Mention[] breakdownScope = read.breakdown();
    Found[] comparedWith = read.comparedWith();
    boolean anyOperations = false;
    for (Reading r : readings) {
      anyOperations |= r.found() && r.table() != Table.CONTEXT;
    }
    if (anyOperations && !leadDecided && !s.headline() && !laidOut) {
      leadDecided = true;
      leadScope = singleScope(scopes);
    }
    // where and when
    Set<Integer> consumed = new java.util.HashSet<>();
    for (TheaterScopes.Mention b : breakdownScope) {
      if (b != null) {
        consumed.add(b.start());
      }
    }
    List<TheaterScopes.Mention> applicable = scopes.stream()
        .filter(sc -> !consumed.contains(sc.start()) && including.stream().noneMatch(sp -> sp[0] <= sc.start() && sc.start() < sp[1]))
        .toList();
    boolean describedElsewhere = scopes.stream().anyMatch(sc -> !consumed.contains(sc.start())) && applicable.isEmpty();
    Span sentencePeriod = null;
    String sentenceScope = null;
    boolean figures = false;
    Found previous = null;
    for (int i = 0; i < counts.size(); i++) {
      Mention m = counts.get(i);
      Reading r = readings[i];
      if (!r.found()) {
        review(s, m, text, r.problem());
        continue;
      }
      Found f = new Found();
      f.metric = r.metric();
      f.value = m.value();
      f.qualifier = m.qualifier();
      if (breakdownScope[i] != null && f.qualifier == Qualifier.EXACT && previous != null) {
        f.qualifier = previous.qualifier; // "roughly 10,000 fighters in Syria and 20,000 in Iraq": one qualifier over both
      }
      f.kind = r.kind();
      f.quotes.add(s.text());
      f.line = s.line();
      f.offset = s.start();
      f.number = m.written(text);
      f.sentence = s.text();
      String problem;
      if (r.table() == Table.CONTEXT) {
        problem = placeContext(f, m, text, periods, applicable, breakdownScope[i], comparedWith[i]);
      } else {
        problem = theater(f, m, s, text, fixedTheater, laidOut, applicable, breakdownScope[i], describedElsewhere);
        if (problem == null) {
          problem = period(f, m, s, text, periods, laidOut);
        }
      }
      if (problem != null) {
        review(s, m, text, problem);
        if (r.table() != Table.CONTEXT && !s.headline() && problem.startsWith("vague period")) {
          figures = true;
          sentencePeriod = null; // the next sentence does not inherit a period nobody could read
        }
        continue;
      }
      found.add(f);
      previous = f;
      lastFigure = f;
      if (MetricPhrases.table(f.metric) != Table.CONTEXT) {
        figures = true;
        sentencePeriod = f.period;
        if (sentenceScope == null) {
          sentenceScope = f.theater; // the sentence's first figure: its total, before any breakdown
        }
        claimedBefore |= f.metric.equals("claimed_attacks");
      }
    }
    remember(s, text, periods, scopes, laidOut, figures, sentencePeriod, sentenceScope);
  }

  /**
   * The counts of a text: its numbers but those a rule sets apart (dates, years, release numbers,
   * parts of names, numbers inside a period or scope phrase); percentages and decimals go to review.
   */
  private List<Mention> counts(Sentence s, String text, List<Mention> mentions, List<PeriodPhrases.Mention> periods,
      boolean laidOut) {
    List<Mention> counts = new ArrayList<>();
    for (Mention m : mentions) {
      if (periods.stream().anyMatch(p -> p.kind() != PeriodPhrases.Kind.CARRY && p.start() <= m.start() && m.end() <= p.end())) {
        continue; // "the first six months of 2024": part of a period phrase, a date
      }
      if (!laidOut && TheaterScopes.find(text).stream().anyMatch(sc -> sc.start() <= m.start() && m.end() <= sc.end())) {
        continue; // "between the two countries": part of a theater scope
      }
      switch (m.role()) {
        case COUNT -> counts.add(m);
        case PERCENTAGE -> review(s, m, text, "a percentage, not a count");
        case DECIMAL -> review(s, m, text, "not a whole number");
        default -> { } // dates, years, release numbers, parts of names: not figures, by rule
      }
    }
    return counts;
  }

  /** What each count reads as, the scope of a breakdown ("30 of which were in Iraq"), the stock a comparison continues. */
  private record Readings(Reading[] readings, TheaterScopes.Mention[] breakdown, Found[] comparedWith) {}

  /** What each count of a text counts ({@link MetricPhrases}), with breakdowns, changes and comparisons. */
  private Readings read(String text, int from, List<Mention> counts, List<TheaterScopes.Mention> scopes, boolean laidOut) {
    Reading[] readings = new Reading[counts.size()];
    TheaterScopes.Mention[] breakdownScope = new TheaterScopes.Mention[counts.size()];
    Found[] comparedWith = new Found[counts.size()];
    Noun inherited = Noun.NONE;
    int previousEnd = from;
    int lastFound = -1;
    int changeTo = -1;
    for (int i = 0; i < counts.size(); i++) {
      Mention m = counts.get(i);
      String before = text.substring(Math.min(previousEnd, m.qualifierStart()), m.qualifierStart());
      int nextStart = i + 1 < counts.size() ? counts.get(i + 1).qualifierStart() : text.length();
      String after = text.substring(m.end(), Math.max(m.end(), nextStart));
      Reading r = MetricPhrases.read(before, after, text, inherited, claimedBefore);
      if (i + 1 < counts.size() && CHANGE_FROM.matcher(before).find()
          && CHANGE_TO.matcher(text.substring(m.end(), counts.get(i + 1).qualifierStart())).find()) {
        changeTo = i + 1;
        r = Reading.problem("a change from one figure to another", Noun.NONE);
      } else if (i == changeTo) {
        r = Reading.problem("a change from one figure to another", Noun.NONE);
      }
      if (!r.found() && "no metric".equals(r.problem()) && lastFound >= 0) {
        Matcher b = BREAKDOWN.matcher(after);
        if (b.find() && !laidOut) {
          r = new Reading(readings[lastFound].metric(), readings[lastFound].table(), readings[lastFound].noun(),
              MissionKind.TOTAL, null);
          int at = m.end() + b.start(1);
          breakdownScope[i] = scopes.stream().filter(sc -> sc.start() <= at && at < sc.end()).findFirst()
              .orElse(new TheaterScopes.Mention(at, m.end() + b.end(1), b.group(1).toUpperCase(Locale.ROOT)));
        }
      }
      if (!r.found() && "no metric".equals(r.problem()) && i == 0 && lastFigure != null
          && lastFigure.period.from().equals(lastFigure.period.to()) && MetricPhrases.table(lastFigure.metric) == Table.CONTEXT
          && COMPARISON.matcher(text).find()) {
        r = Reading.of(lastFigure.metric, Table.CONTEXT, Noun.NONE); // "This is down from the peak of over 70,000 in 2019."
        comparedWith[i] = lastFigure;
      }
      readings[i] = r;
      if (r.found()) {
        lastFound = i;
        if (r.noun() != Noun.NONE) {
          inherited = r.noun();
        }
      }
      previousEnd = m.end();
    }
    return new Readings(readings, breakdownScope, comparedWith);
  }

  /** What the next sentences inherit from this one: its period and theater, the last period stated, an intro's period. */
  private void remember(Sentence s, String text, List<PeriodPhrases.Mention> periods, List<TheaterScopes.Mention> scopes,
      boolean laidOut, boolean figures, Span sentencePeriod, String sentenceScope) {
    if (s.headline()) {
      periods.stream().filter(PeriodPhrases.Mention::dated).reduce((a, b) -> b).ifPresent(p -> lastStated = new Span(p.from(), p.to()));
      return;
    }
    if (figures) {
      figureSeen = true;
      lastFigurePeriod = sentencePeriod;
      if (sentenceScope != null) {
        lastFigureScope = sentenceScope;
        lastFigureParagraph = laidOut ? -1 : s.paragraph();
      }
    }
    PeriodPhrases.Mention lastDated = periods.stream().filter(PeriodPhrases.Mention::dated).reduce((a, b) -> b).orElse(null);
    if (lastDated != null) {
      lastStated = new Span(lastDated.from(), lastDated.to());
      if (!figures && text.strip().endsWith(":")) {
        // "The following is a breakdown of D-ISIS operations for July 2023 by country:" heads a table
        figureSeen = true;
        lastFigurePeriod = lastStated;
      }
    }
    if (!laidOut) {
      // the latest period and place stated in this paragraph, for "The fighting led to ..."
      if (s.paragraph() != paragraph) {
        paragraph = s.paragraph();
        previousSentencePeriod = null;
        previousSentenceScope = null;
      }
      if (lastDated != null) {
        previousSentencePeriod = new Span(lastDated.from(), lastDated.to());
      }
      if (singleScope(scopes) != null) {
        previousSentenceScope = singleScope(scopes);
      }
    }
  }

  /** The figure's theater, or why it cannot be read. */
  private String theater(Found f, Mention m, Sentence s, String text, String fixedTheater, boolean laidOut,
      List<TheaterScopes.Mention> applicable, TheaterScopes.Mention breakdown, boolean describedElsewhere) {
    if (laidOut) {
      f.theater = fixedTheater;
      return fixedTheater == null ? "theater unclear: a list without a theater heading" : null;
    }
    if (breakdown != null) {
      f.theater = breakdown.theater();
      return null;
    }
    TheaterScopes.Mention before = null;
    TheaterScopes.Mention after = null;
    for (TheaterScopes.Mention sc : applicable) {
      if (sc.end() <= m.qualifierStart()) {
        before = sc;
      } else if (sc.start() >= m.end() && after == null) {
        after = sc;
      }
    }
    if (before != null || after != null) {
      f.theater = (before != null ? before : after).theater();
      return null;
    }
    if (s.headline()) {
      return "theater unclear (a headline)";
    }
    if (EVENT_BACKREF.matcher(text).find()) {
      f.theater = previousSentenceScope;
      return f.theater == null ? "theater unclear" : null;
    }
    String partner = TheaterScopes.partnerScope(text);
    if (partner != null) {
      f.theater = partner; // "In 59 joint operations with the Kurdish-led Syrian Democratic Forces (SDF)"
      return null;
    }
    // "In Syria, the US carried out 108 partnered operations. During these operations 215 ISIS operatives were detained."
    if (lastFigureScope != null && (lastFigureParagraph == s.paragraph() || CONTINUATION.matcher(text).find())) {
      f.theater = lastFigureScope;
      return null;
    }
    if (describedElsewhere) {
      return "theater unclear: the sentence's place describes something else";
    }
    f.theater = titleScope != null ? titleScope : leadScope != null ? leadScope : namedScope;
    return f.theater == null ? "theater unclear" : null;
  }

  /** The figure's period, or why it cannot be read. */
  private String period(Found f, Mention m, Sentence s, String text, List<PeriodPhrases.Mention> periods, boolean laidOut) {
    PeriodPhrases.Mention nearest = null;
    int distance = Integer.MAX_VALUE;
    String reportDated = null;
    for (PeriodPhrases.Mention p : periods) {
      if (p.kind() == PeriodPhrases.Kind.CARRY) {
        continue;
      }
      int d;
      if (p.end() <= m.qualifierStart()) {
        // "The July missions, CENTCOM said, killed two": an aside does not make the phrase the report's date
        String between = ASIDE.matcher(text.substring(p.end(), m.qualifierStart())).replaceAll(" ");
        if (REPORTED.matcher(between).find()) {
          reportDated = p.text();
          continue;
        }
        d = m.qualifierStart() - p.end();
      } else if (p.start() >= m.end()) {
        d = p.start() - m.end() + 1; // a tie goes to the phrase before
      } else {
        continue;
      }
      if (d < distance) {
        distance = d;
        nearest = p;
      }
    }
    if (nearest != null) {
      if (!nearest.dated()) {
        return nearest.problem();
      }
      f.period = new Span(nearest.from(), nearest.to());
      return null;
    }
    if (reportDated != null) {
      return "no period: '" + reportDated + "' dates the report, not the figures";
    }
    if (s.headline()) {
      return "no period (a headline)";
    }
    Span carried;
    if (!laidOut && EVENT_BACKREF.matcher(text).find()) {
      carried = previousSentencePeriod;
    } else if (figureSeen) {
      carried = lastFigurePeriod;
      if (carried == null) {
        return "no period: the sentence before had none that could be read";
      }
    } else {
      carried = lastStated;
    }
    if (carried == null) {
      return "no period";
    }
    f.period = carried;
    return null;
  }

  /** A context figure's scope and as_of date (a one-day period), or why they cannot be read. */
  private String placeContext(Found f, Mention m, String text, List<PeriodPhrases.Mention> periods,
      List<TheaterScopes.Mention> applicable, TheaterScopes.Mention breakdown, Found comparison) {
    if (comparison != null) {
      f.theater = comparison.theater; // "This is down from the peak of over 70,000 in 2019": the stock before
    } else if (f.metric.equals("camp_population")) {
      boolean hol = HOL.matcher(text).find();
      boolean roj = ROJ.matcher(text).find();
      f.theater = hol && roj ? "AL-HOL AND AL-ROJ CAMPS" : hol ? "AL-HOL CAMP" : roj ? "AL-ROJ CAMP" : null;
      if (f.theater == null) {
        return "scope unclear: no camp named";
      }
    } else if (breakdown != null) {
      f.theater = breakdown.theater();
    } else {
      TheaterScopes.Mention before = null;
      TheaterScopes.Mention after = null;
      for (TheaterScopes.Mention sc : applicable) {
        if (sc.end() <= m.qualifierStart()) {
          before = sc;
        } else if (sc.start() >= m.end() && after == null) {
          after = sc;
        }
      }
      // a stock's place is the one right after it ("9,000 ISIS detainees in detention facilities in Syria")
      TheaterScopes.Mention place = after != null ? after : before;
      if (place == null) {
        return "theater unclear";
      }
      f.theater = place.theater();
    }
    for (PeriodPhrases.Mention p : periods) {
      if (p.kind() == PeriodPhrases.Kind.CARRY) {
        continue;
      }
      if (p.dated() && p.from().equals(p.to())) {
        f.period = new Span(p.from(), p.to());
        return null;
      }
      return "vague date: " + p.text();
    }
    if (reference == null) {
      return "no date: a context figure is as of the publication date, and the document has none";
    }
    f.period = new Span(reference, reference);
    return null;
  }

  private Integer contextYear() {
    Span known = lastFigurePeriod != null ? lastFigurePeriod : lastStated;
    return known != null ? Integer.valueOf(known.to().getYear()) : reference != null ? Integer.valueOf(reference.getYear()) : null;
  }

  private void review(Sentence s, Mention m, String text, String reason) {
    review.add(new ReviewItem(document, info.reportId(), s.line(), m.written(text), reason, s.text()));
  }

  private void review(Found f, String reason) {
    review.add(new ReviewItem(document, info.reportId(), f.line, f.number, reason, f.sentence));
  }

  private static String singleScope(List<TheaterScopes.Mention> scopes) {
    Set<String> theaters = new LinkedHashSet<>();
    scopes.forEach(sc -> theaters.add(sc.theater()));
    if (theaters.contains(TheaterScopes.ALL)) {
      return TheaterScopes.ALL;
    }
    return theaters.size() == 1 ? theaters.iterator().next() : null;
  }

  private static List<int[]> spans(Pattern pattern, String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  // ---------------------------------------------------------------- the document's figures together

  /**
   * One figure per metric, period and theater: partnered and U.S.-only operations of one theater
   * summed into its missions, a figure stated twice kept once (both sentences quoted), and a
   * second, different value for the same figure sent to review.
   */
  private List<Figure> merged() {
    List<Found> distinct = dedupe(found, true);
    // missions of one theater and period: a stated total, else partnered + U.S.-only
    Map<List<Object>, List<Found>> missions = new LinkedHashMap<>();
    List<Found> result = new ArrayList<>();
    for (Found f : distinct) {
      if (f.metric.equals("missions")) {
        missions.computeIfAbsent(List.of(f.period, f.theater), k -> new ArrayList<>()).add(f);
      } else {
        result.add(f);
      }
    }
    for (List<Found> group : missions.values()) {
      List<Found> totals = group.stream().filter(f -> f.kind == MissionKind.TOTAL).toList();
      List<Found> parts = group.stream().filter(f -> f.kind != MissionKind.TOTAL).toList();
      if (!totals.isEmpty()) {
        result.addAll(totals);
        parts.forEach(p -> review(p, "a part of the missions (partnered or U.S.-only operations) beside their total"));
      } else if (parts.stream().noneMatch(p -> p.kind == MissionKind.PARTNERED)) {
        parts.forEach(p -> review(p, "U.S.-only operations alone: a part of the missions"));
      } else {
        Found sum = parts.get(0);
        for (Found p : parts.subList(1, parts.size())) {
          sum.value += p.value;
          sum.qualifier = combine(sum.qualifier, p.qualifier);
          p.quotes.stream().filter(q -> !sum.quotes.contains(q)).forEach(sum.quotes::add);
        }
        sum.kind = MissionKind.TOTAL;
        result.add(sum);
      }
    }
    return dedupe(result, false).stream().map(Found::figure).toList();
  }

  /** Figures stated again with the same value are kept once; a different value for the same key goes to review. */
  private List<Found> dedupe(List<Found> figures, boolean byKind) {
    Map<List<Object>, Found> kept = new LinkedHashMap<>();
    for (Found f : figures) {
      List<Object> key = byKind ? List.of(f.metric, f.period, f.theater, f.kind) : List.of(f.metric, f.period, f.theater);
      Found first = kept.get(key);
      if (first == null) {
        kept.put(key, f);
      } else if (first.value == f.value && first.qualifier == f.qualifier) {
        f.quotes.stream().filter(q -> !first.quotes.contains(q)).forEach(first.quotes::add);
      } else {
        review(f, "differs from " + first.qualifier.format(first.value) + " on line " + first.line
            + " for the same period, theater and metric");
      }
    }
    return new ArrayList<>(kept.values());
  }

  /** The qualifier of a sum: approximate if a part is, else a lower bound if a part is, else exact. */
  static Qualifier combine(Qualifier a, Qualifier b) {
    return a.plus(b); // the weakest of the two: approximate, then more than, then at least
  }
}
