package io.dunhub.quickbooks.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of QBO's query language the connector uses: {@code SELECT * | COUNT(*) FROM Entity
 * [WHERE f op v AND ...] [ORDERBY f [ASC|DESC], ...] [STARTPOSITION n] [MAXRESULTS n]}, with the
 * operators {@code = != < > <= >= IN LIKE}. Fields may be dotted ({@code MetaData.LastUpdatedTime},
 * {@code CustomerRef}); date-times compare as instants, numbers as numbers.
 */
record SandboxQuery(
    String entity,
    boolean count,
    List<Condition> where,
    List<Order> orderBy,
    int startPosition,
    int maxResults) {

  /** QBO's page size cap. */
  static final int MAX_RESULTS_CAP = 1000;

  /** One condition of the WHERE clause. */
  record Condition(String field, String op, List<String> values) {
    boolean test(ObjectNode row) {
      JsonNode node = SandboxQuery.field(row, field);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return op.equals("!=");
      }
      String text = node.isValueNode() ? node.asText() : node.path("value").asText();
      switch (op) {
        case "IN":
          return values.stream().anyMatch(v -> compare(text, v) == 0);
        case "LIKE":
          String pattern = values.get(0).toLowerCase(Locale.ROOT);
          String candidate = text.toLowerCase(Locale.ROOT);
          String regex =
              java.util.regex.Pattern.quote(pattern).replace("%", "\\E.*\\Q").replace("\\Q\\E", "");
          return candidate.matches(regex);
        default:
          int c = compare(text, values.get(0));
          return switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            default -> throw QboFault.parser("unknown operator " + op);
          };
      }
    }
  }

  /** One ORDERBY key. */
  record Order(String field, boolean descending) {}

  static JsonNode field(ObjectNode row, String dotted) {
    JsonNode node = row;
    for (String part : dotted.split("\\.")) {
      node = node.get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Compares two scalar values the way QBO does for the field's type. */
  static int compare(String a, String b) {
    if (a.length() > 10 && b.length() >= 10 && a.charAt(4) == '-' && b.charAt(4) == '-') {
      Instant ia = instant(a);
      Instant ib = instant(b);
      if (ia != null && ib != null) {
        return ia.compareTo(ib);
      }
    }
    if (isNumber(a) && isNumber(b)) {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    }
    return a.compareToIgnoreCase(b);
  }

  private static final java.util.Map<String, Instant> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Instant instant(String text) {
    Instant known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    Instant parsed = parseInstant(text);
    if (parsed != null) {
      if (PARSED.size() > 200_000) {
        PARSED.clear();
      }
      PARSED.put(text, parsed);
    }
    return parsed;
  }

  private static Instant parseInstant(String text) {
    try {
      return SandboxJson.parseTime(text);
    } catch (RuntimeException e) {
      try {
        return java.time.LocalDate.parse(text.substring(0, 10))
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.matches("-?\\d+(\\.\\d+)?");
  }

  /** Sorts rows by the ORDERBY keys, each key parsed once per row. */
  List<ObjectNode> sort(List<ObjectNode> rows) {
    List<Map.Entry<List<Comparable<Object>>, ObjectNode>> keyed = new ArrayList<>(rows.size());
    for (ObjectNode row : rows) {
      List<Comparable<Object>> keys = new ArrayList<>(orderBy.size());
      for (Order o : orderBy) {
        JsonNode n = field(row, o.field());
        keys.add(sortKey(n == null ? "" : n.isValueNode() ? n.asText() : n.path("value").asText()));
      }
      keyed.add(Map.entry(keys, row));
    }
    keyed.sort(
        (a, b) -> {
          for (int i = 0; i < orderBy.size(); i++) {
            Comparable<Object> x = a.getKey().get(i);
            Comparable<Object> y = b.getKey().get(i);
            int c =
                x.getClass() == y.getClass()
                    ? x.compareTo(y)
                    : x.toString().compareTo(y.toString());
            if (c != 0) {
              return orderBy.get(i).descending() ? -c : c;
            }
          }
          return 0;
        });
    List<ObjectNode> out = new ArrayList<>(rows.size());
    keyed.forEach(e -> out.add(e.getValue()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> sortKey(String text) {
    if (text.length() > 10 && text.charAt(4) == '-') {
      Instant at = instant(text);
      if (at != null) {
        return (Comparable<Object>) (Comparable<?>) at;
      }
    }
    if (isNumber(text)) {
      return (Comparable<Object>) (Comparable<?>) new BigDecimal(text);
    }
    return (Comparable<Object>) (Comparable<?>) text.toLowerCase(Locale.ROOT);
  }

  /** Parses a statement, or throws the fault QBO answers for a bad one. */
  static SandboxQuery parse(String text) {
    return new Parser(text).parse();
  }

  private static final class Parser {
    private final String src;
    private int pos;

    Parser(String src) {
      this.src = src.trim();
    }

    SandboxQuery parse() {
      keyword("SELECT");
      boolean count = false;
      if (peekWord().equalsIgnoreCase("COUNT(*)")) {
        word();
        count = true;
      } else {
        // field lists are accepted; the sandbox returns whole entities like SELECT *
        while (!peekWord().equalsIgnoreCase("FROM")) {
          if (word().isEmpty()) {
            throw QboFault.parser("missing FROM");
          }
        }
      }
      keyword("FROM");
      String entity = word();
      List<Condition> where = new ArrayList<>();
      List<Order> order = new ArrayList<>();
      int start = 1;
      int max = 100;
      while (!atEnd()) {
        String kw = word().toUpperCase(Locale.ROOT);
        switch (kw) {
          case "WHERE" -> {
            where.add(condition());
            while (peekWord().equalsIgnoreCase("AND")) {
              word();
              where.add(condition());
            }
          }
          case "ORDERBY", "ORDER" -> {
            if (kw.equals("ORDER")) {
              keyword("BY");
            }
            do {
              skipSpaces();
              if (!order.isEmpty() && peek() == ',') {
                pos++;
              }
              String field = word().replace(",", "");
              boolean desc = false;
              String next = peekWord().toUpperCase(Locale.ROOT).replace(",", "");
              if (next.equals("DESC") || next.equals("ASC")) {
                desc = next.equals("DESC");
                word();
              }
              order.add(new Order(field, desc));
              skipSpaces();
            } while (!atEnd() && peek() == ',');
          }
          case "STARTPOSITION" -> start = number();
          case "MAXRESULTS" -> max = number();
          default -> throw QboFault.parser("Encountered \"" + kw + "\" at position " + pos);
        }
      }
      if (max > MAX_RESULTS_CAP) {
        max = MAX_RESULTS_CAP;
      }
      return new SandboxQuery(entity, count, where, order, Math.max(1, start), max);
    }

    private Condition condition() {
      String field = word();
      skipSpaces();
      String op;
      if (src.startsWith("<=", pos) || src.startsWith(">=", pos) || src.startsWith("!=", pos)) {
        op = src.substring(pos, pos + 2);
        pos += 2;
      } else if ("=<>".indexOf(peek()) >= 0) {
        op = String.valueOf(src.charAt(pos++));
      } else {
        op = word().toUpperCase(Locale.ROOT);
        if (!op.equals("IN") && !op.equals("LIKE")) {
          throw QboFault.parser("unsupported operator " + op + " after " + field);
        }
      }
      List<String> values = new ArrayList<>();
      skipSpaces();
      if (op.equals("IN")) {
        expect('(');
        do {
          skipSpaces();
          if (peek() == ',') {
            pos++;
          }
          values.add(value());
          skipSpaces();
        } while (peek() == ',');
        expect(')');
      } else {
        values.add(value());
      }
      return new Condition(field, op, values);
    }

    private String value() {
      skipSpaces();
      if (peek() == '\'') {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
          char c = src.charAt(pos++);
          if (c == '\\' && pos < src.length()) {
            sb.append(src.charAt(pos++));
          } else if (c == '\'') {
            return sb.toString();
          } else {
            sb.append(c);
          }
        }
        throw QboFault.parser("unterminated string");
      }
      StringBuilder sb = new StringBuilder();
      while (pos < src.length() && !Character.isWhitespace(peek()) && "),".indexOf(peek()) < 0) {
        sb.append(src.charAt(pos++));
      }
      return sb.toString();
    }

    private int number() {
      String w = word();
      try {
        return Integer.parseInt(w);
      } catch (NumberFormatException e) {
        throw QboFault.parser("expected a number, got " + w);
      }
    }

    private void keyword(String kw) {
      String w = word();
      if (!w.equalsIgnoreCase(kw)) {
        throw QboFault.parser("expected " + kw + ", got \"" + w + "\"");
      }
    }

    private void expect(char c) {
      skipSpaces();
      if (peek() != c) {
        throw QboFault.parser("expected '" + c + "' at position " + pos);
      }
      pos++;
    }

    private String peekWord() {
      int save = pos;
      String w = word();
      pos = save;
      return w;
    }

    private String word() {
      skipSpaces();
      int start = pos;
      while (pos < src.length()
          && !Character.isWhitespace(src.charAt(pos))
          && "=<>!'".indexOf(src.charAt(pos)) < 0
          && !(src.charAt(pos) == ',' && pos > start)) {
        pos++;
      }
      return src.substring(start, pos);
    }

    private char peek() {
      return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void skipSpaces() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    private boolean atEnd() {
      skipSpaces();
      return pos >= src.length();
    }
  }
}
