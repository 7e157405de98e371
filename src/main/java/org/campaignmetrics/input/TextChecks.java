package org.campaignmetrics.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the files people really send get wrong before any row is read: saved as UTF-16 or in a
 * Windows code page instead of UTF-8, or with semicolons or tabs between the columns (Excel in many
 * locales). Each is a whole-file problem said in one line with what to do; Spark's reader would
 * instead turn every non-ASCII character into U+FFFD, or find no column at all.
 */
final class TextChecks {
  private TextChecks() {}

  /** The first bytes of a file: UTF-16 shows as a byte-order mark or as NUL bytes between the letters. */
  static void requireNotUtf16(byte[] head, int length, String fileName) {
    boolean bom = length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    int firstLineEnd = 0;
    while (firstLineEnd < length && head[firstLineEnd] != '\n') {
      firstLineEnd++;
    }
    boolean nul = false;
    for (int i = 0; i < firstLineEnd && !nul; i++) {
      nul = head[i] == 0;
    }
    if (bom || nul) {
      throw new InputException(fileName + ": the file is UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")");
    }
  }

  /**
   * Every byte of the file is UTF-8, read once as a stream; otherwise the first bad byte is named by
   * line and byte offset, with the encoding it most likely is.
   */
  static void requireUtf8(InputStream in, String fileName) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long consumed = 0; // bytes before bytes.position()
    long line = 1;
    boolean end = false;
    while (!end) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      int start = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, end);
      for (int i = start; i < bytes.position(); i++) {
        if (bytes.get(i) == '\n') {
          line++;
        }
      }
      if (result.isError()) {
        long offset = consumed + (bytes.position() - start);
        int bad = bytes.get(bytes.position()) & 0xFF;
        throw new InputException(String.format(Locale.ROOT,
            "%s: line %d is not UTF-8 (byte 0x%02X at byte offset %d); the file looks like %s: save it as UTF-8 "
                + "(in Excel: \"CSV UTF-8\")", fileName, line, bad, offset, likelyEncoding(bad)));
      }
      consumed += bytes.position() - start;
      bytes.compact();
      chars.clear();
    }
  }

  /** A single byte above 0x7F outside UTF-8's sequences: most often a Windows (or Latin-1) accented letter or quote. */
  private static String likelyEncoding(int bad) {
    return bad >= 0x80 && bad <= 0x9F ? "Windows-1252 (curly quotes and dashes are 0x91-0x97 there)"
        : "Windows-1252 or ISO-8859-1 (Latin-1)";
  }

  /**
   * A header that is one column when split on commas but the contract's columns when split on a
   * semicolon or a tab: the delimiter found, for the message; null when that is not the problem.
   */
  static String otherDelimiter(String headerLine, List<String> required) {
    for (String delimiter : List.of(";", "\t")) {
      List<String> names = Arrays.stream(headerLine.split(java.util.regex.Pattern.quote(delimiter), -1))
          .map(n -> n.strip().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
      if (names.size() > 1 && names.containsAll(required)) {
        return delimiter.equals("\t") ? "tabs" : "semicolons (;)";
      }
    }
    return null;
  }
}
