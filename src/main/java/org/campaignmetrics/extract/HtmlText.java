package org.campaignmetrics.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML page reduced to the text figures are read from, with jsoup. Unlike jsoup's own
 * {@code text()}, which runs the whole page into one line, block elements keep their own lines:
 * a paragraph, a heading or a list item starts a line ("• " before an item, so that lists read as
 * lists), a table row is one line with its cells separated by a space (CENTCOM's two-column
 * tables read "In Iraq In Syria", then "20 partnered operations 11 partnered operations"), and
 * scripts, styles and navigation are left out. Line numbers in review.csv count lines of this text.
 */
public final class HtmlText {
  private HtmlText() {}

  /** The page's text and its title (the first h1, else the title element). */
  public record Page(String text, String title) {}

  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br",
      "article", "section", "header", "footer", "blockquote", "ul", "ol", "table", "pre", "hr", "dd", "dt", "figcaption");
  private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "nav", "template", "svg", "iframe", "head");

  public static Page read(String html) {
    Document page = Jsoup.parse(html);
    Element h1 = page.selectFirst("h1");
    String title = h1 != null ? h1.text() : page.title();
    StringBuilder out = new StringBuilder();
    Element body = page.body() != null ? page.body() : page;
    NodeTraversor.traverse(new NodeVisitor() {
      int skipping = 0;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName().toLowerCase(Locale.ROOT);
          if (SKIPPED.contains(tag)) {
            skipping++;
          } else if (skipping == 0 && BLOCKS.contains(tag)) {
            newLine(out);
            if (tag.equals("li")) {
              out.append("• ");
            }
          } else if (skipping == 0 && (tag.equals("td") || tag.equals("th")) && !endsWithSpace(out)) {
            out.append(' ');
          }
        } else if (node instanceof TextNode t && skipping == 0) {
          String text = t.text().replace('\u00a0', ' ');
          if (!text.isBlank() || !endsWithSpace(out)) {
            out.append(text.isBlank() ? " " : text);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName().toLowerCase(Locale.ROOT);
          if (SKIPPED.contains(tag)) {
            skipping--;
          } else if (skipping == 0 && BLOCKS.contains(tag) && !tag.equals("br")) {
            newLine(out);
          }
        }
      }
    }, body);
    // one space between words, one line per block, at most one blank line between blocks
    String text = out.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    return new Page(text + "\n", title == null ? "" : title.strip());
  }

  private static boolean endsWithSpace(StringBuilder out) {
    return out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1));
  }

  private static void newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
