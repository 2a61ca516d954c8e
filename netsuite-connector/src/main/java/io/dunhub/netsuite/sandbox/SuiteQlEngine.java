package io.dunhub.netsuite.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The subset of SuiteQL the connector issues: {@code SELECT expr [AS alias], … FROM table alias
 * [INNER|LEFT] JOIN table alias ON … WHERE … ORDER BY … [ASC|DESC]} with {@code AND/OR/NOT},
 * comparisons, {@code IN (…)}, {@code IS [NOT] NULL}, {@code TO_CHAR}, {@code TO_TIMESTAMP}, {@code
 * LOWER} and {@code UPPER}. Timestamps and dates are rendered in the company's time zone, as
 * NetSuite does. Anything else is refused with a {@link SuiteQlException}, like NetSuite refuses a
 * query it cannot parse.
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

  /** A row of a join: each table alias's source row (null for an unmatched LEFT JOIN). */
  private static final class Row {
    final Map<String, Map<String, Object>> byAlias;

    Row(Map<String, Map<String, Object>> byAlias) {
      this.byAlias = byAlias;
    }
  }

  /** The rows of one page and how many rows the query has in all. */
  record Result(List<Map<String, String>> items, int total) {}

  /**
   * Runs a query and renders the rows from {@code offset}, at most {@code limit}; every row is
   * column name → rendered string, nulls left out.
   */
  Result run(String sql, int offset, int limit) {
    Parser p = new Parser(Lexer.lex(sql));
    Query q = p.query();
    Map<Call, Object> constants = new IdentityHashMap<>();
    List<List<Map<String, Object>>> sources = new ArrayList<>();
    sources.add(source(q.from));
    for (Join j : q.joins) {
      sources.add(source(j.table));
    }
    List<Row> all;
    // the same query over unchanged tables (a batch of pages read ahead) is computed once
    synchronized (locks.computeIfAbsent(sql, k -> new Object())) {
      Object[] hit = results.get(sql);
      if (hit != null && same(sources, hit[0])) {
        @SuppressWarnings("unchecked")
        List<Row> cached = (List<Row>) hit[1];
        all = cached;
      } else {
        long t0 = System.nanoTime();
        all = evaluate(q, constants);
        computeNanos.add(System.nanoTime() - t0);
        if (results.size() > 2) {
          results.clear();
          locks.clear();
        }
        results.put(sql, new Object[] {sources, all});
      }
    }
    int total = all.size();
    List<Row> rows = all.subList(Math.min(offset, total), Math.min(total, offset + limit));
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<String, String> item = new LinkedHashMap<>();
      for (Item it : q.select) {
        Object v = eval(it.expr, r, constants);
        if (v != null) {
          item.put(it.alias, render(v));
        }
      }
      out.add(item);
    }
    return new Result(out, total);
  }

  private final Map<String, Object[]> results = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.LongAdder computeNanos =
      new java.util.concurrent.atomic.LongAdder();

  /** Time spent evaluating queries (not waiting for another thread's identical query). */
  java.time.Duration computeTime() {
    return java.time.Duration.ofNanos(computeNanos.sum());
  }

  void resetComputeTime() {
    computeNanos.reset();
  }

  private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean same(List<List<Map<String, Object>>> sources, Object cached) {
    List<?> old = (List<?>) cached;
    if (old.size() != sources.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      if (old.get(i) != sources.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Every row of the query, filtered and ordered. */
  private List<Row> evaluate(Query q, Map<Call, Object> constants) {
    List<Expr> where = q.where == null ? List.of() : conjuncts(q.where);
    // conditions on the first table alone are applied while scanning it
    List<Expr> early = new ArrayList<>();
    List<Expr> late = new ArrayList<>();
    for (Expr c : where) {
      (onlyAlias(c, q.from.alias) ? early : late).add(c);
    }
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> src : source(q.from)) {
      Map<String, Map<String, Object>> m = new HashMap<>(8);
      m.put(q.from.alias, src);
      Row r = new Row(m);
      if (all(early, r, constants)) {
        rows.add(r);
      }
    }
    boolean sortFirst = q.orderBy.stream().allMatch(o -> onlyAlias(o.expr, q.from.alias));
    if (sortFirst) {
      // order the first table's rows, then join row by row: only the page is kept
      sort(rows, q.orderBy, constants);
      List<PreparedJoin> joins = new ArrayList<>();
      for (Join j : q.joins) {
        joins.add(prepare(j));
      }
      List<Row> matched = new ArrayList<>();
      for (Row r : rows) {
        List<Row> joined = List.of(r);
        for (PreparedJoin j : joins) {
          List<Row> next = new ArrayList<>(1);
          for (Row x : joined) {
            joinOne(x, j, constants, next);
          }
          joined = next;
        }
        for (Row x : joined) {
          if (all(late, x, constants)) {
            matched.add(x);
          }
        }
      }
      rows = matched;
    } else {
      for (Join j : q.joins) {
        PreparedJoin pj = prepare(j);
        List<Row> next = new ArrayList<>(rows.size());
        for (Row l : rows) {
          joinOne(l, pj, constants, next);
        }
        rows = next;
      }
      if (!late.isEmpty()) {
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
          if (all(late, r, constants)) {
            kept.add(r);
          }
        }
        rows = kept;
      }
      sort(rows, q.orderBy, constants);
    }
    return rows;
  }

  private boolean all(List<Expr> conditions, Row r, Map<Call, Object> constants) {
    for (Expr c : conditions) {
      if (!truthy(eval(c, r, constants))) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyAlias(Expr e, String alias) {
    if (e instanceof Column c) {
      return alias.equals(c.qualifier);
    }
    if (e instanceof Literal) {
      return true;
    }
    if (e instanceof Binary b) {
      return onlyAlias(b.l, alias) && onlyAlias(b.r, alias);
    }
    if (e instanceof Not n) {
      return onlyAlias(n.e, alias);
    }
    if (e instanceof IsNull n) {
      return onlyAlias(n.e, alias);
    }
    if (e instanceof In in) {
      return onlyAlias(in.e, alias) && in.list.stream().allMatch(x -> onlyAlias(x, alias));
    }
    if (e instanceof Call call) {
      return call.args.stream().allMatch(x -> onlyAlias(x, alias));
    }
    return false;
  }

  private List<Map<String, Object>> source(TableRef t) {
    List<Map<String, Object>> source = tables.apply(t.table);
    if (source == null) {
      throw new SuiteQlException(
          "Invalid search query. Detailed unprocessed description follows. Search error occurred:"
              + " Record '"
              + t.table
              + "' was not found.");
    }
    return source;
  }

  private record PreparedJoin(
      Join join, Expr leftExpr, Map<Object, List<Map<String, Object>>> index) {}

  private void sort(List<Row> rows, List<Order> orderBy, Map<Call, Object> constants) {
    if (orderBy.isEmpty()) {
      return;
    }
    int n = orderBy.size();
    List<Object[]> keyed = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] k = new Object[n + 1];
      for (int i = 0; i < n; i++) {
        k[i] = eval(orderBy.get(i).expr, r, constants);
      }
      k[n] = r;
      keyed.add(k);
    }
    keyed.sort(
        (a, b) -> {
          for (int i = 0; i < n; i++) {
            int c = compareNullsLast(a[i], b[i]);
            if (c != 0) {
              return orderBy.get(i).desc ? -c : c;
            }
          }
          return 0;
        });
    rows.clear();
    for (Object[] k : keyed) {
      rows.add((Row) k[n]);
    }
  }

  private PreparedJoin prepare(Join j) {
    List<Map<String, Object>> right = source(j.table);
    // hash on the first "right.col = left.col" equality of the ON clause
    String rightKey = null;
    Expr leftExpr = null;
    for (Expr c : conjuncts(j.on)) {
      if (c instanceof Binary b && b.op.equals("=")) {
        if (b.l instanceof Column lc && b.r instanceof Column rc) {
          if (owner(lc).equals(j.table.alias) && !owner(rc).equals(j.table.alias)) {
            rightKey = lc.name;
            leftExpr = rc;
          } else if (owner(rc).equals(j.table.alias) && !owner(lc).equals(j.table.alias)) {
            rightKey = rc.name;
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
    return new PreparedJoin(j, leftExpr, index(right, rightKey));
  }

  private void joinOne(Row l, PreparedJoin pj, Map<Call, Object> constants, List<Row> out) {
    Join j = pj.join();
    Object k = eval(pj.leftExpr(), l, constants);
    boolean matched = false;
    if (k != null) {
      for (Map<String, Object> r : pj.index().getOrDefault(key(k), List.of())) {
        Map<String, Map<String, Object>> merged = new HashMap<>(l.byAlias);
        merged.put(j.table.alias, r);
        Row m = new Row(merged);
        if (truthy(eval(j.on, m, constants))) {
          out.add(m);
          matched = true;
        }
      }
    }
    if (!matched && j.left) {
      Map<String, Map<String, Object>> merged = new HashMap<>(l.byAlias);
      merged.put(j.table.alias, null);
      out.add(new Row(merged));
    }
  }

  /** Hash indexes of unchanged tables are reused (the table list is the same object). */
  private final Map<List<Map<String, Object>>, Map<String, Map<Object, List<Map<String, Object>>>>>
      indexes = new IdentityHashMap<>();

  private Map<Object, List<Map<String, Object>>> index(
      List<Map<String, Object>> rows, String column) {
    synchronized (indexes) {
      Map<String, Map<Object, List<Map<String, Object>>>> byColumn = indexes.get(rows);
      if (byColumn == null) {
        if (indexes.size() > 32) {
          indexes.clear();
        }
        byColumn = new HashMap<>();
        indexes.put(rows, byColumn);
      }
      return byColumn.computeIfAbsent(
          column,
          c -> {
            Map<Object, List<Map<String, Object>>> index = new HashMap<>();
            for (Map<String, Object> r : rows) {
              Object k = r.get(c);
              if (k != null) {
                index.computeIfAbsent(key(k), x -> new ArrayList<>()).add(r);
              }
            }
            return index;
          });
    }
  }

  private static Object key(Object v) {
    if (v instanceof BigDecimal d) {
      BigDecimal n = d.stripTrailingZeros();
      return n.scale() <= 0 ? (Object) n.longValueExact() : n.toPlainString();
    }
    if (v instanceof String str && digits(str) && str.length() < 18) {
      return Long.valueOf(str);
    }
    return v;
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

  private Object eval(Expr e, Row row, Map<Call, Object> constants) {
    if (e instanceof Literal lit) {
      return lit.value;
    }
    if (e instanceof Column c) {
      return column(c, row);
    }
    if (e instanceof Not n) {
      Object v = eval(n.e, row, constants);
      return v == null ? null : !truthy(v);
    }
    if (e instanceof IsNull n) {
      return (eval(n.e, row, constants) == null) != n.negated;
    }
    if (e instanceof In in) {
      Object v = eval(in.e, row, constants);
      if (v == null) {
        return null;
      }
      boolean found = false;
      for (Expr x : in.list) {
        Object w = eval(x, row, constants);
        if (w != null && compare(v, w) == 0) {
          found = true;
          break;
        }
      }
      return found != in.negated;
    }
    if (e instanceof Call call) {
      if (constants.containsKey(call)) {
        return constants.get(call);
      }
      Object v = call(call, row, constants);
      if (call.args.stream().allMatch(a -> a instanceof Literal)) {
        constants.put(call, v);
      }
      return v;
    }
    Binary b = (Binary) e;
    if (b.op.equals("AND")) {
      return truthy(eval(b.l, row, constants)) && truthy(eval(b.r, row, constants));
    }
    if (b.op.equals("OR")) {
      return truthy(eval(b.l, row, constants)) || truthy(eval(b.r, row, constants));
    }
    Object l = eval(b.l, row, constants);
    Object r = eval(b.r, row, constants);
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

  private static Object column(Column c, Row row) {
    if (c.qualifier != null) {
      if (!row.byAlias.containsKey(c.qualifier)) {
        throw new SuiteQlException("Unknown identifier '" + c.qualifier + "." + c.name + "'");
      }
      Map<String, Object> src = row.byAlias.get(c.qualifier);
      return src == null ? null : src.get(c.name);
    }
    Object found = null;
    int hits = 0;
    for (Map<String, Object> src : row.byAlias.values()) {
      if (src != null && src.containsKey(c.name)) {
        found = src.get(c.name);
        hits++;
      }
    }
    if (hits > 1) {
      throw new SuiteQlException("Ambiguous column '" + c.name + "'");
    }
    return found;
  }

  private Object call(Call call, Row row, Map<Call, Object> constants) {
    switch (call.name) {
      case "LOWER", "UPPER" -> {
        Object v = eval(call.args.get(0), row, constants);
        if (v == null) {
          return null;
        }
        String text = render(v);
        return call.name.equals("LOWER")
            ? text.toLowerCase(java.util.Locale.ROOT)
            : text.toUpperCase(java.util.Locale.ROOT);
      }
      case "TO_CHAR" -> {
        Object v = eval(call.args.get(0), row, constants);
        String fmt = (String) eval(call.args.get(1), row, constants);
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
        String text = (String) eval(call.args.get(0), row, constants);
        String fmt = (String) eval(call.args.get(1), row, constants);
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

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_T_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private static DateTimeFormatter formatter(String fmt) {
    return switch (fmt) {
      case "YYYY-MM-DD HH24:MI:SS" -> DATE_TIME;
      case "YYYY-MM-DD\"T\"HH24:MI:SS" -> DATE_T_TIME;
      case "YYYY-MM-DD" -> DATE;
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
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
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

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
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
    if (v instanceof String s && digits(s)) {
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
          return new Literal(
              t.text.contains(".") ? new BigDecimal(t.text) : (Object) Long.valueOf(t.text));
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
