package io.dunhub.salesforce.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs a parsed {@link Soql.Query} over a {@link SandboxOrg}'s records. */
final class QueryEngine {

  /**
   * One row of a result, in the shape the partner API returns: the object type, then the selected
   * fields in SELECT order; a relationship path ({@code Account.Name}) becomes a nested row.
   */
  record ResultRow(String type, String id, List<Cell> cells) {}

  /** A selected value: text (null for nil) or a nested row (null for a null relationship). */
  record Cell(String name, String value, ResultRow nested, boolean relationship) {}

  private final SandboxOrg org;

  QueryEngine(SandboxOrg org) {
    this.org = org;
  }

  /** The matching rows; {@code includeDeleted} for {@code queryAll}. */
  List<ResultRow> run(Soql.Query query, boolean includeDeleted) {
    synchronized (org) {
      ObjectDef object = org.requireObject(query.from());
      for (String f : query.fields()) {
        resolveType(object, f);
      }
      List<Map<String, String>> matches = new ArrayList<>();
      for (Map<String, String> row : org.rows(object)) {
        boolean deleted = "true".equals(row.get("IsDeleted"));
        if (deleted && !includeDeleted) {
          continue;
        }
        if (query.where() == null || test(query.where(), object, row)) {
          matches.add(row);
        }
      }
      if (!query.orderBy().isEmpty()) {
        matches.sort(comparator(object, query.orderBy()));
      }
      if (matches.size() > query.limit()) {
        matches = matches.subList(0, query.limit());
      }
      List<ResultRow> out = new ArrayList<>(matches.size());
      for (Map<String, String> row : matches) {
        out.add(project(object, row, query.fields()));
      }
      return out;
    }
  }

  private ResultRow project(ObjectDef object, Map<String, String> row, List<String> fields) {
    List<Cell> cells = new ArrayList<>();
    Map<String, List<String>> nested = new LinkedHashMap<>();
    for (String path : fields) {
      int dot = path.indexOf('.');
      if (dot < 0) {
        FieldDef f = object.field(path).orElseThrow();
        cells.add(new Cell(f.name(), row.get(f.name()), null, false));
      } else {
        String rel = path.substring(0, dot);
        FieldDef ref = object.relationship(rel).orElseThrow();
        List<String> rest = nested.get(ref.relationshipName());
        if (rest == null) {
          rest = new ArrayList<>();
          nested.put(ref.relationshipName(), rest);
          cells.add(new Cell(ref.relationshipName(), null, null, true));
        }
        rest.add(path.substring(dot + 1));
      }
    }
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      if (!c.relationship()) {
        continue;
      }
      FieldDef ref = object.relationship(c.name()).orElseThrow();
      String targetId = row.get(ref.name());
      Map<String, String> target = targetId == null ? null : org.row(targetId);
      ResultRow child = null;
      if (target != null) {
        ObjectDef targetObject = org.objectOfId(targetId).orElseThrow();
        child = project(targetObject, target, nested.get(c.name()));
      }
      cells.set(i, new Cell(c.name(), null, child, true));
    }
    // the sObject's own Id slot is filled only when Id is selected (and then repeats as a field)
    boolean idSelected = fields.stream().anyMatch(f -> f.equalsIgnoreCase("Id"));
    return new ResultRow(object.name(), idSelected ? row.get("Id") : null, cells);
  }

  private FieldDef resolveType(ObjectDef object, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return object
          .field(path)
          .orElseThrow(
              () ->
                  SandboxException.fault(
                      "sf:InvalidFieldFault",
                      "INVALID_FIELD",
                      "No such column '"
                          + path
                          + "' on entity '"
                          + object.name()
                          + "'. If you are attempting to use a custom field, be sure to append"
                          + " the '__c' after the custom field name."));
    }
    String rel = path.substring(0, dot);
    FieldDef ref =
        object
            .relationship(rel)
            .orElseThrow(
                () ->
                    SandboxException.fault(
                        "sf:InvalidFieldFault",
                        "INVALID_FIELD",
                        "Didn't understand relationship '"
                            + rel
                            + "' in field path. If you are attempting to use a custom"
                            + " relationship, be sure to append the '__r' after the custom"
                            + " relationship name."));
    String target = ref.referenceTo().get(0);
    if (target.equals("*")) {
      return FieldDef.of(path, "string");
    }
    return resolveType(org.requireObject(target), path.substring(dot + 1));
  }

  private String valueOf(ObjectDef object, Map<String, String> row, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return row.get(object.field(path).orElseThrow().name());
    }
    FieldDef ref = object.relationship(path.substring(0, dot)).orElseThrow();
    String id = row.get(ref.name());
    Map<String, String> target = id == null ? null : org.row(id);
    if (target == null) {
      return null;
    }
    return valueOf(org.objectOfId(id).orElseThrow(), target, path.substring(dot + 1));
  }

  private boolean test(Soql.Expr expr, ObjectDef object, Map<String, String> row) {
    if (expr instanceof Soql.And and) {
      return test(and.left(), object, row) && test(and.right(), object, row);
    }
    if (expr instanceof Soql.Or or) {
      return test(or.left(), object, row) || test(or.right(), object, row);
    }
    if (expr instanceof Soql.Not not) {
      return !test(not.inner(), object, row);
    }
    if (expr instanceof Soql.In in) {
      FieldDef f = resolveType(object, in.field());
      String v = valueOf(object, row, in.field());
      boolean found = false;
      for (Soql.Literal lit : in.values()) {
        if (v != null && !lit.isNull() && compare(f, v, lit) == 0) {
          found = true;
        }
      }
      return in.negated() != found;
    }
    Soql.Compare c = (Soql.Compare) expr;
    FieldDef f = resolveType(object, c.field());
    String v = valueOf(object, row, c.field());
    if (c.value().isNull()) {
      return switch (c.op()) {
        case "=" -> v == null;
        case "!=" -> v != null;
        default -> throw new Soql.MalformedQueryException("null can only be compared with = or !=");
      };
    }
    if (c.op().equals("LIKE")) {
      return v != null && like(c.value().text()).matcher(v).matches();
    }
    if (v == null) {
      return c.op().equals("!=");
    }
    int cmp = compare(f, v, c.value());
    return switch (c.op()) {
      case "=" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      default -> throw new Soql.MalformedQueryException("unknown operator " + c.op());
    };
  }

  private static int compare(FieldDef f, String value, Soql.Literal literal) {
    String lit = literal.text();
    boolean textType = f.isText();
    if (textType != literal.quoted()) {
      throw SandboxException.fault(
          "sf:MalformedQueryFault",
          "MALFORMED_QUERY",
          "value of filter criterion for field '"
              + f.name()
              + "' must be of type "
              + f.type()
              + (textType
                  ? " and should be enclosed in quotes"
                  : " and should not be enclosed in quotes"));
    }
    return compareValues(f, value, lit);
  }

  static int compareValues(FieldDef f, String a, String b) {
    try {
      return switch (f.type()) {
        case "datetime" -> SandboxOrg.parseInstant(a).compareTo(SandboxOrg.parseInstant(b));
        case "date" -> LocalDate.parse(a).compareTo(LocalDate.parse(b));
        case "double", "currency", "int", "percent" ->
            new BigDecimal(a).compareTo(new BigDecimal(b));
        case "boolean" -> Boolean.compare(Boolean.parseBoolean(a), Boolean.parseBoolean(b));
        case "id", "reference" -> a.compareTo(b);
        default -> a.compareToIgnoreCase(b);
      };
    } catch (RuntimeException e) {
      throw SandboxException.fault(
          "sf:MalformedQueryFault",
          "MALFORMED_QUERY",
          "value of filter criterion for field '" + f.name() + "' must be of type " + f.type());
    }
  }

  private Comparator<Map<String, String>> comparator(ObjectDef object, List<Soql.Order> orders) {
    Comparator<Map<String, String>> result = null;
    for (Soql.Order order : orders) {
      FieldDef f = resolveType(object, order.field());
      Comparator<Map<String, String>> c =
          (x, y) -> {
            String a = valueOf(object, x, order.field());
            String b = valueOf(object, y, order.field());
            if (a == null || b == null) {
              int n = a == null ? (b == null ? 0 : -1) : 1;
              return order.nullsLast() ? -n : n;
            }
            int cmp = compareValues(f, a, b);
            return order.descending() ? -cmp : cmp;
          };
      result = result == null ? c : result.thenComparing(c);
    }
    return result;
  }

  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      if (ch == '%') {
        regex.append(".*");
      } else if (ch == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
