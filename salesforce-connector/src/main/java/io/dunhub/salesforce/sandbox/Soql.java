package io.dunhub.salesforce.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SOQL subset the sandbox understands: {@code SELECT f1, Rel.f2 | COUNT() FROM Object [WHERE
 * conditions joined by AND / OR / NOT with parentheses] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST],
 * ...] [LIMIT n]}. Conditions compare a field with a literal ({@code = != <> < <= > >=}), test
 * {@code IN (...)}, {@code NOT IN (...)} and {@code LIKE}. Anything else is a {@code
 * MALFORMED_QUERY}, as Salesforce would answer.
 */
final class Soql {

  /** A parsed query. */
  record Query(
      List<String> fields,
      boolean count,
      String from,
      Expr where,
      List<Order> orderBy,
      int limit) {}

  /** One ORDER BY term. */
  record Order(String field, boolean descending, boolean nullsLast) {}

  /** A WHERE expression. */
  sealed interface Expr permits And, Or, Not, Compare, In {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  record Not(Expr inner) implements Expr {}

  /** {@code field op literal}; a null literal is {@code NULL}. */
  record Compare(String field, String op, Literal value) implements Expr {}

  record In(String field, List<Literal> values, boolean negated) implements Expr {}

  /** A literal as written: {@code quoted} for string literals, raw text otherwise. */
  record Literal(String text, boolean quoted) {
    boolean isNull() {
      return !quoted && text.equalsIgnoreCase("null");
    }
  }

  /** A query the sandbox cannot parse. */
  static final class MalformedQueryException extends RuntimeException {
    MalformedQueryException(String message) {
      super(message);
    }
  }

  private final List<String> tokens;
  private final List<Boolean> quoted;
  private int pos;

  private Soql(String text) {
    this.tokens = new ArrayList<>();
    this.quoted = new ArrayList<>();
    tokenize(text);
  }

  static Query parse(String text) {
    return new Soql(text).query();
  }

  private Query query() {
    expectKeyword("SELECT");
    List<String> fields = new ArrayList<>();
    boolean count = false;
    if (peekIs("COUNT") && peekAt(1, "(")) {
      pos += 2;
      expect(")");
      count = true;
    } else {
      fields.add(identifier());
      while (peekIs(",")) {
        pos++;
        fields.add(identifier());
      }
    }
    expectKeyword("FROM");
    String from = identifier();
    Expr where = null;
    if (peekIs("WHERE")) {
      pos++;
      where = orExpr();
    }
    List<Order> orderBy = new ArrayList<>();
    if (peekIs("ORDER")) {
      pos++;
      expectKeyword("BY");
      do {
        if (peekIs(",")) {
          pos++;
        }
        String field = identifier();
        boolean desc = false;
        if (peekIs("ASC")) {
          pos++;
        } else if (peekIs("DESC")) {
          pos++;
          desc = true;
        }
        boolean nullsLast = desc;
        if (peekIs("NULLS")) {
          pos++;
          nullsLast = next().equalsIgnoreCase("LAST");
        }
        orderBy.add(new Order(field, desc, nullsLast));
      } while (peekIs(","));
    }
    int limit = Integer.MAX_VALUE;
    if (peekIs("LIMIT")) {
      pos++;
      String n = next();
      try {
        limit = Integer.parseInt(n);
      } catch (NumberFormatException e) {
        throw new MalformedQueryException("LIMIT must be a number, got " + n);
      }
    }
    if (pos < tokens.size()) {
      throw new MalformedQueryException("unexpected token: " + tokens.get(pos));
    }
    return new Query(List.copyOf(fields), count, from, where, List.copyOf(orderBy), limit);
  }

  private Expr orExpr() {
    Expr left = andExpr();
    while (peekIs("OR")) {
      pos++;
      left = new Or(left, andExpr());
    }
    return left;
  }

  private Expr andExpr() {
    Expr left = unary();
    while (peekIs("AND")) {
      pos++;
      left = new And(left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (peekIs("NOT")) {
      pos++;
      return new Not(unary());
    }
    if (peekIs("(")) {
      pos++;
      Expr inner = orExpr();
      expect(")");
      return inner;
    }
    String field = identifier();
    if (peekIs("IN") || (peekIs("NOT") && peekAt(1, "IN"))) {
      boolean negated = peekIs("NOT");
      pos += negated ? 2 : 1;
      expect("(");
      List<Literal> values = new ArrayList<>();
      values.add(literal());
      while (peekIs(",")) {
        pos++;
        values.add(literal());
      }
      expect(")");
      return new In(field, List.copyOf(values), negated);
    }
    String op = next().toUpperCase(Locale.ROOT);
    if (!List.of("=", "!=", "<>", "<", "<=", ">", ">=", "LIKE").contains(op)) {
      throw new MalformedQueryException("unexpected operator " + op + " after " + field);
    }
    return new Compare(field, op.equals("<>") ? "!=" : op, literal());
  }

  private Literal literal() {
    if (pos >= tokens.size()) {
      throw new MalformedQueryException("unexpected end of query");
    }
    boolean q = quoted.get(pos);
    return new Literal(tokens.get(pos++), q);
  }

  private String identifier() {
    if (pos >= tokens.size() || quoted.get(pos)) {
      throw new MalformedQueryException("expected a field or object name");
    }
    String t = tokens.get(pos++);
    if (!Character.isLetter(t.charAt(0))) {
      throw new MalformedQueryException("expected a field or object name, got " + t);
    }
    return t;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new MalformedQueryException("unexpected end of query");
    }
    return tokens.get(pos++);
  }

  private boolean peekIs(String word) {
    return peekAt(0, word);
  }

  private boolean peekAt(int offset, String word) {
    int i = pos + offset;
    return i < tokens.size() && !quoted.get(i) && tokens.get(i).equalsIgnoreCase(word);
  }

  private void expect(String symbol) {
    if (!peekIs(symbol)) {
      throw new MalformedQueryException(
          "expected '" + symbol + "'" + (pos < tokens.size() ? " at " + tokens.get(pos) : ""));
    }
    pos++;
  }

  private void expectKeyword(String word) {
    if (!peekIs(word)) {
      throw new MalformedQueryException("expected " + word);
    }
    pos++;
  }

  private void tokenize(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw new MalformedQueryException("unterminated string literal");
        }
        i++;
        add(b.toString(), true);
      } else if ("(),".indexOf(c) >= 0) {
        add(String.valueOf(c), false);
        i++;
      } else if ("=<>!".indexOf(c) >= 0) {
        int j = i + 1;
        while (j < s.length() && "=<>".indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        add(s.substring(i, j), false);
        i = j;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "(),'=<>!".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        add(s.substring(i, j), false);
        i = j;
      }
    }
  }

  private void add(String token, boolean isQuoted) {
    tokens.add(token);
    quoted.add(isQuoted);
  }
}
