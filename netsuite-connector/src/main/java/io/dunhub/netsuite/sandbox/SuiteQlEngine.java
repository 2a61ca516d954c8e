package io.dunhub.netsuite.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The subset of SuiteQL the connector issues: {@code SELECT expr [AS alias], … FROM table alias
 * [INNER|LEFT] JOIN table alias ON … WHERE … ORDER BY … [ASC|DESC]} with {@code AND/OR/NOT},
 * comparisons, {@code IN (…)}, {@code IS [NOT] NULL}, {@code TO_CHAR} and {@code TO_TIMESTAMP}.
 * Timestamps and dates are rendered in the company's time zone, as NetSuite does. Anything else is
 * refused with a {@link SuiteQlException}, like NetSuite refuses a query it cannot parse.
 */
final class SuiteQlEngine {

  /** A query NetSuite would refuse. */
  static final class SuiteQlException extends RuntimeException {
    SuiteQlException(String message) {
      super(message);
    }
  }

  private final ZoneId zone;
  private final Function<String, List<Map<String, Object>>> tables;

  /**
   * @param tables rows of a table by its lowercase name (unknown tables give null); column names
   *     lowercase; values String, BigDecimal, Long, Instant (timestamps) or LocalDate
   */
  SuiteQlEngine(ZoneId zone, Function<String, List<Map<String, Object>>> tables) {
    this.zone = zone;
    this.tables = tables;
  }

  /** Runs a query; every row is column name → rendered string, nulls left out. */
  List<Map<String, String>> run(String sql) {
    Parser p = new Parser(Lexer.lex(sql));
    Query q = p.query();
    List<Map<String, Object>> rows = scan(q.from);
    for (Join j : q.joins) {
      rows = join(rows, j);
    }
    if (q.where != null) {
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        if (truthy(eval(q.where, r))) {
          kept.add(r);
        }
      }
      rows = kept;
    }
    if (!q.orderBy.isEmpty()) {
      Comparator<Map<String, Object>> cmp = null;
      for (Order o : q.orderBy) {
        Comparator<Map<String, Object>> c =
            (a, b) -> compareNullsLast(eval(o.expr, a), eval(o.expr, b));
        if (o.desc) {
          c = c.reversed();
        }
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
      rows.sort(cmp);
    }
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, String> item = new LinkedHashMap<>();
      for (Item it : q.select) {
        Object v = eval(it.expr, r);
        if (v != null) {
          item.put(it.alias, render(v));
        }
      }
      out.add(item);
    }
    return out;
  }

  private List<Map<String, Object>> scan(TableRef t) {
    List<Map<String, Object>> source = tables.apply(t.table);
    if (source == null) {
      throw new SuiteQlException(
          "Invalid search query. Detailed unprocessed description follows. Search error occurred:"
              + " Record '"
              + t.table
              + "' was not found.");
    }
    List<Map<String, Object>> rows = new ArrayList<>(source.size());
    for (Map<String, Object> src : source) {
      Map<String, Object> row = new HashMap<>();
      src.forEach((k, v) -> row.put(t.alias + "." + k, v));
      row.put("\u0000tables." + t.alias, t.table);
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> join(List<Map<String, Object>> left, Join j) {
    List<Map<String, Object>> right = scan(j.table);
    // hash on the first "right.col = left.col" equality of the ON clause
    String rightKey = null;
    Expr leftExpr = null;
    for (Expr c : conjuncts(j.on)) {
      if (c instanceof Binary b && b.op.equals("=")) {
        if (b.l instanceof Column lc && b.r instanceof Column rc) {
          if (owner(lc).equals(j.table.alias) && !owner(rc).equals(j.table.alias)) {
            rightKey = j.table.alias + "." + lc.name;
            leftExpr = rc;
          } else if (owner(rc).equals(j.table.alias) && !owner(lc).equals(j.table.alias)) {
            rightKey = j.table.alias + "." + rc.name;
            leftExpr = lc;
          }
        }
        if (rightKey != null) {
          break;
        }
      }
    }
    if (rightKey == null) {
      throw new SuiteQlException("a join needs an equality between the two tables");
    }
    Map<String, List<Map<String, Object>>> index = new HashMap<>();
    for (Map<String, Object> r : right) {
      Object k = r.get(rightKey);
      if (k != null) {
        index.computeIfAbsent(key(k), x -> new ArrayList<>()).add(r);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>(left.size());
    for (Map<String, Object> l : left) {
      Object k = eval(leftExpr, l);
      boolean matched = false;
      if (k != null) {
        for (Map<String, Object> r : index.getOrDefault(key(k), List.of())) {
          Map<String, Object> merged = new HashMap<>(l);
          merged.putAll(r);
          if (truthy(eval(j.on, merged))) {
            out.add(merged);
            matched = true;
          }
        }
      }
      if (!matched && j.left) {
        Map<String, Object> merged = new HashMap<>(l);
        merged.put("\u0000tables." + j.table.alias, j.table.table);
        out.add(merged);
      }
    }
    return out;
  }

  private static String key(Object v) {
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  private static String owner(Column c) {
    return c.qualifier == null ? "" : c.qualifier;
  }

  private static List<Expr> conjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Binary b && b.op.equals("AND")) {
      out.addAll(conjuncts(b.l));
      out.addAll(conjuncts(b.r));
    } else {
      out.add(e);
    }
    return out;
  }

  // ---- evaluation

  private Object eval(Expr e, Map<String, Object> row) {
    if (e instanceof Literal lit) {
      return lit.value;
    }
    if (e instanceof Column c) {
      return column(c, row);
    }
    if (e instanceof Not n) {
      Object v = eval(n.e, row);
      return v == null ? null : !truthy(v);
    }
    if (e instanceof IsNull n) {
      return (eval(n.e, row) == null) != n.negated;
    }
    if (e instanceof In in) {
      Object v = eval(in.e, row);
      if (v == null) {
        return null;
      }
      boolean found = false;
      for (Expr x : in.list) {
        Object w = eval(x, row);
        if (w != null && compare(v, w) == 0) {
          found = true;
          break;
        }
      }
      return found != in.negated;
    }
    if (e instanceof Call call) {
      return call(call, row);
    }
    Binary b = (Binary) e;
    if (b.op.equals("AND")) {
      return truthy(eval(b.l, row)) && truthy(eval(b.r, row));
    }
    if (b.op.equals("OR")) {
      return truthy(eval(b.l, row)) || truthy(eval(b.r, row));
    }
    Object l = eval(b.l, row);
    Object r = eval(b.r, row);
    if (l == null || r == null) {
      return null;
    }
    int c = compare(l, r);
    return switch (b.op) {
      case "=" -> c == 0;
      case "<>", "!=" -> c != 0;
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      case ">=" -> c >= 0;
      default -> throw new SuiteQlException("unsupported operator " + b.op);
    };
  }

  private static Object column(Column c, Map<String, Object> row) {
    if (c.qualifier != null) {
      if (!row.containsKey("\u0000tables." + c.qualifier)) {
        throw new SuiteQlException("Unknown identifier '" + c.qualifier + "." + c.name + "'");
      }
      return row.get(c.qualifier + "." + c.name);
    }
    Object found = null;
    int hits = 0;
    for (Map.Entry<String, Object> en : row.entrySet()) {
      String k = en.getKey();
      if (!k.startsWith("\u0000") && k.substring(k.indexOf('.') + 1).equals(c.name)) {
        found = en.getValue();
        hits++;
      }
    }
    if (hits > 1) {
      throw new SuiteQlException("Ambiguous column '" + c.name + "'");
    }
    return found;
  }

  private Object call(Call call, Map<String, Object> row) {
    switch (call.name) {
      case "TO_CHAR" -> {
        Object v = eval(call.args.get(0), row);
        String fmt = (String) eval(call.args.get(1), row);
        if (v == null) {
          return null;
        }
        DateTimeFormatter f = formatter(fmt);
        if (v instanceof Instant i) {
          return f.format(LocalDateTime.ofInstant(i, zone));
        }
        if (v instanceof LocalDate d) {
          return f.format(d.atStartOfDay());
        }
        return render(v);
      }
      case "TO_TIMESTAMP", "TO_DATE" -> {
        String text = (String) eval(call.args.get(0), row);
        String fmt = (String) eval(call.args.get(1), row);
        LocalDateTime t =
            fmt.contains("HH24")
                ? LocalDateTime.parse(text, formatter(fmt))
                : LocalDate.parse(text, formatter(fmt)).atStartOfDay();
        return call.name.equals("TO_DATE") && !fmt.contains("HH24")
            ? t.toLocalDate()
            : t.atZone(zone).toInstant();
      }
      default -> throw new SuiteQlException("Unknown function " + call.name);
    }
  }

  private static DateTimeFormatter formatter(String fmt) {
    return switch (fmt) {
      case "YYYY-MM-DD HH24:MI:SS" -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
      case "YYYY-MM-DD\"T\"HH24:MI:SS" -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
      case "YYYY-MM-DD" -> DateTimeFormatter.ofPattern("yyyy-MM-dd");
      default -> throw new SuiteQlException("unsupported date format " + fmt);
    };
  }

  private static boolean truthy(Object v) {
    return v instanceof Boolean b && b;
  }

  private static int compareNullsLast(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return compare(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      return na.compareTo(nb);
    }
    if (a instanceof LocalDate d && b instanceof Instant) {
      a = d.atStartOfDay(ZoneId.of("UTC")).toInstant();
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable ca) {
      return ca.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (v instanceof String s && !s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      return new BigDecimal(s);
    }
    return null;
  }

  private String render(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Instant i) {
      // NetSuite renders timestamps in the user's date format, without seconds: hence TO_CHAR
      return DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT).format(i.atZone(zone));
    }
    if (v instanceof LocalDate d) {
      return DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT).format(d);
    }
    if (v instanceof Boolean b) {
      return b ? "T" : "F";
    }
    return v.toString();
  }

  // ---- syntax tree

  private interface Expr {}

  private record Literal(Object value) implements Expr {}

  private record Column(String qualifier, String name) implements Expr {}

  private record Binary(String op, Expr l, Expr r) implements Expr {}

  private record Not(Expr e) implements Expr {}

  private record IsNull(Expr e, boolean negated) implements Expr {}

  private record In(Expr e, List<Expr> list, boolean negated) implements Expr {}

  private record Call(String name, List<Expr> args) implements Expr {}

  private record Item(Expr expr, String alias) {}

  private record TableRef(String table, String alias) {}

  private record Join(TableRef table, Expr on, boolean left) {}

  private record Order(Expr expr, boolean desc) {}

  private record Query(
      List<Item> select, TableRef from, List<Join> joins, Expr where, List<Order> orderBy) {}

  // ---- lexer and parser

  private record Token(char kind, String text) {}

  private static final class Lexer {
    static List<Token> lex(String s) {
      List<Token> out = new ArrayList<>();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '\'') {
          StringBuilder b = new StringBuilder();
          i++;
          while (true) {
            if (i >= s.length()) {
              throw new SuiteQlException("unterminated string literal");
            }
            char d = s.charAt(i++);
            if (d == '\'') {
              if (i < s.length() && s.charAt(i) == '\'') {
                b.append('\'');
                i++;
              } else {
                break;
              }
            } else {
              b.append(d);
            }
          }
          out.add(new Token('s', b.toString()));
        } else if (Character.isDigit(c)) {
          int j = i;
          while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
          }
          out.add(new Token('n', s.substring(i, j)));
          i = j;
        } else if (Character.isLetter(c) || c == '_') {
          int j = i;
          while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
          }
          out.add(new Token('w', s.substring(i, j)));
          i = j;
        } else if ((c == '<' || c == '>' || c == '!')
            && i + 1 < s.length()
            && (s.charAt(i + 1) == '=' || (c == '<' && s.charAt(i + 1) == '>'))) {
          out.add(new Token('o', s.substring(i, i + 2)));
          i += 2;
        } else if ("=<>(),.*".indexOf(c) >= 0) {
          out.add(new Token('o', String.valueOf(c)));
          i++;
        } else {
          throw new SuiteQlException("unexpected character '" + c + "'");
        }
      }
      return out;
    }
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Query query() {
      expectWord("SELECT");
      List<Item> select = new ArrayList<>();
      do {
        Expr e = expr();
        String alias;
        if (acceptWord("AS")) {
          alias = word().toLowerCase(Locale.ROOT);
        } else if (peekWordNotKeyword()) {
          alias = word().toLowerCase(Locale.ROOT);
        } else if (e instanceof Column c) {
          alias = c.name;
        } else {
          alias = "expr" + select.size();
        }
        select.add(new Item(e, alias));
      } while (acceptOp(","));
      expectWord("FROM");
      TableRef from = tableRef();
      List<Join> joins = new ArrayList<>();
      while (true) {
        boolean left = false;
        if (acceptWord("LEFT")) {
          left = true;
          acceptWord("OUTER");
        } else {
          acceptWord("INNER");
        }
        if (!acceptWord("JOIN")) {
          break;
        }
        TableRef t = tableRef();
        expectWord("ON");
        joins.add(new Join(t, expr(), left));
      }
      Expr where = acceptWord("WHERE") ? expr() : null;
      List<Order> order = new ArrayList<>();
      if (acceptWord("ORDER")) {
        expectWord("BY");
        do {
          Expr e = expr();
          boolean desc = acceptWord("DESC");
          if (!desc) {
            acceptWord("ASC");
          }
          order.add(new Order(e, desc));
        } while (acceptOp(","));
      }
      if (pos < tokens.size()) {
        throw new SuiteQlException("unexpected '" + tokens.get(pos).text + "'");
      }
      return new Query(select, from, joins, where, order);
    }

    private TableRef tableRef() {
      String table = word().toLowerCase(Locale.ROOT);
      String alias = peekWordNotKeyword() ? word().toLowerCase(Locale.ROOT) : table;
      return new TableRef(table, alias);
    }

    private Expr expr() {
      Expr l = and();
      while (acceptWord("OR")) {
        l = new Binary("OR", l, and());
      }
      return l;
    }

    private Expr and() {
      Expr l = not();
      while (acceptWord("AND")) {
        l = new Binary("AND", l, not());
      }
      return l;
    }

    private Expr not() {
      return acceptWord("NOT") ? new Not(not()) : predicate();
    }

    private Expr predicate() {
      Expr l = primary();
      if (acceptWord("IS")) {
        boolean neg = acceptWord("NOT");
        expectWord("NULL");
        return new IsNull(l, neg);
      }
      boolean neg = acceptWord("NOT");
      if (acceptWord("IN")) {
        expectOp("(");
        List<Expr> list = new ArrayList<>();
        do {
          list.add(primary());
        } while (acceptOp(","));
        expectOp(")");
        return new In(l, list, neg);
      }
      if (neg) {
        throw new SuiteQlException("NOT must be followed by IN here");
      }
      for (String op : List.of("=", "<>", "!=", "<=", ">=", "<", ">")) {
        if (acceptOp(op)) {
          return new Binary(op, l, primary());
        }
      }
      return l;
    }

    private Expr primary() {
      Token t = next();
      switch (t.kind) {
        case 's':
          return new Literal(t.text);
        case 'n':
          return new Literal(new BigDecimal(t.text));
        case 'o':
          if (t.text.equals("(")) {
            Expr e = expr();
            expectOp(")");
            return e;
          }
          throw new SuiteQlException("unexpected '" + t.text + "'");
        default:
          String name = t.text;
          if (acceptOp("(")) {
            List<Expr> args = new ArrayList<>();
            if (!acceptOp(")")) {
              do {
                args.add(expr());
              } while (acceptOp(","));
              expectOp(")");
            }
            return new Call(name.toUpperCase(Locale.ROOT), args);
          }
          if (acceptOp(".")) {
            return new Column(name.toLowerCase(Locale.ROOT), word().toLowerCase(Locale.ROOT));
          }
          if (name.equalsIgnoreCase("NULL")) {
            return new Literal(null);
          }
          return new Column(null, name.toLowerCase(Locale.ROOT));
      }
    }

    private static final List<String> KEYWORDS =
        List.of(
            "FROM", "WHERE", "ORDER", "BY", "JOIN", "INNER", "LEFT", "OUTER", "ON", "AND", "OR",
            "NOT", "AS", "ASC", "DESC", "IN", "IS", "NULL");

    private boolean peekWordNotKeyword() {
      return pos < tokens.size()
          && tokens.get(pos).kind == 'w'
          && !KEYWORDS.contains(tokens.get(pos).text.toUpperCase(Locale.ROOT));
    }

    private Token next() {
      if (pos >= tokens.size()) {
        throw new SuiteQlException("unexpected end of query");
      }
      return tokens.get(pos++);
    }

    private String word() {
      Token t = next();
      if (t.kind != 'w') {
        throw new SuiteQlException("expected a name, got '" + t.text + "'");
      }
      return t.text;
    }

    private boolean acceptWord(String w) {
      if (pos < tokens.size()
          && tokens.get(pos).kind == 'w'
          && tokens.get(pos).text.equalsIgnoreCase(w)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expectWord(String w) {
      if (!acceptWord(w)) {
        throw new SuiteQlException(
            "expected " + w + (pos < tokens.size() ? " at '" + tokens.get(pos).text + "'" : ""));
      }
    }

    private boolean acceptOp(String o) {
      if (pos < tokens.size() && tokens.get(pos).kind == 'o' && tokens.get(pos).text.equals(o)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expectOp(String o) {
      if (!acceptOp(o)) {
        throw new SuiteQlException("expected '" + o + "'");
      }
    }
  }
}
