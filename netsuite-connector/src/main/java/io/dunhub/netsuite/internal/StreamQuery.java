package io.dunhub.netsuite.internal;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SuiteQL behind one stream: what it selects, from which tables, the filter that picks the
 * stream's rows, the subsidiary column, the keyset (last-modified timestamp, id), and the record
 * types its deletions may carry in {@code DeletedRecord} (lowercase: the record type id, and the
 * transaction type code or display name where they differ, since Oracle does not spell out which
 * one SuiteQL shows).
 */
public record StreamQuery(
    String stream,
    String select,
    String from,
    String filter,
    String subsidiaryColumn,
    String timestampColumn,
    String idColumn,
    java.util.List<String> deletedTypes) {

  static final String FORMAT = "YYYY-MM-DD HH24:MI:SS";

  /** The streams the connector reads. */
  public static final java.util.List<StreamQuery> ALL =
      java.util.List.of(
          new StreamQuery(
              "customer",
              "c.id, c.entityid, c.companyname, c.email, c.phone, c.subsidiary,"
                  + " s.name AS subsidiaryname, c.currency, cur.symbol AS currencycode, c.terms,"
                  + " c.isinactive, c.externalid",
              "customer c LEFT JOIN subsidiary s ON s.id = c.subsidiary"
                  + " LEFT JOIN currency cur ON cur.id = c.currency",
              null,
              "c.subsidiary",
              "c.lastmodifieddate",
              "c.id",
              java.util.List.of("customer")),
          new StreamQuery(
              "contact",
              "ct.id, ct.entityid, ct.firstname, ct.lastname, ct.email, ct.phone, ct.title,"
                  + " ct.company, ct.subsidiary, ct.isinactive, ct.externalid",
              "contact ct",
              null,
              "ct.subsidiary",
              "ct.lastmodifieddate",
              "ct.id",
              java.util.List.of("contact")),
          new StreamQuery(
              "invoice",
              "t.id, t.tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
                  + " TO_CHAR(t.duedate, 'YYYY-MM-DD') AS duedate, t.entity,"
                  + " t.foreigntotal AS total, t.foreignamountunpaid AS amountremaining,"
                  + " t.foreignamountpaid AS amountpaid, t.currency, cur.symbol AS currencycode,"
                  + " t.status, t.terms, t.memo, tl.subsidiary, s.name AS subsidiaryname,"
                  + " t.externalid",
              "transaction t INNER JOIN transactionline tl ON tl.transaction = t.id AND"
                  + " tl.mainline = 'T' LEFT JOIN currency cur ON cur.id = t.currency"
                  + " LEFT JOIN subsidiary s ON s.id = tl.subsidiary",
              "t.type = 'CustInvc'",
              "tl.subsidiary",
              "t.lastmodifieddate",
              "t.id",
              java.util.List.of("invoice", "custinvc")),
          new StreamQuery(
              "customerPayment",
              "t.id, t.tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, t.entity,"
                  + " t.foreigntotal AS payment, t.currency, cur.symbol AS currencycode,"
                  + " t.paymentmethod, t.memo, tl.subsidiary, s.name AS subsidiaryname,"
                  + " t.externalid",
              "transaction t INNER JOIN transactionline tl ON tl.transaction = t.id AND"
                  + " tl.mainline = 'T' LEFT JOIN currency cur ON cur.id = t.currency"
                  + " LEFT JOIN subsidiary s ON s.id = tl.subsidiary",
              "t.type = 'CustPymt'",
              "tl.subsidiary",
              "t.lastmodifieddate",
              "t.id",
              java.util.List.of("customerpayment", "custpymt", "customer payment")));

  /**
   * The query for the page after {@code (afterTime, afterId)} (both null from the start), up to
   * {@code until} (the read lag), restricted to {@code subsidiaries} when not empty.
   */
  public String page(String afterTime, Long afterId, String until, Set<Long> subsidiaries) {
    StringBuilder q =
        new StringBuilder("SELECT ")
            .append(select)
            .append(", TO_CHAR(")
            .append(timestampColumn)
            .append(", '")
            .append(FORMAT)
            .append("') AS lastmodified FROM ")
            .append(from)
            .append(" WHERE ")
            .append(timestampColumn)
            .append(" <= ")
            .append(timestamp(until));
    if (filter != null) {
      q.append(" AND ").append(filter);
    }
    if (!subsidiaries.isEmpty()) {
      q.append(" AND ")
          .append(subsidiaryColumn)
          .append(" IN (")
          .append(
              subsidiaries.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")))
          .append(')');
    }
    if (afterTime != null) {
      q.append(" AND (")
          .append(timestampColumn)
          .append(" > ")
          .append(timestamp(afterTime))
          .append(" OR (")
          .append(timestampColumn)
          .append(" = ")
          .append(timestamp(afterTime))
          .append(" AND ")
          .append(idColumn)
          .append(" > ")
          .append(afterId)
          .append("))");
    }
    q.append(" ORDER BY ").append(timestampColumn).append(", ").append(idColumn);
    return q.toString();
  }

  /**
   * The stream's deletions after {@code (afterTime, afterId)} up to {@code until}, from SuiteQL's
   * {@code DeletedRecord} table ({@code type}, {@code recordid}, {@code deleteddate}), in (deleted
   * date, record id) order. {@code DeletedRecord} has no subsidiary: deletions of every subsidiary
   * come back, and the hub ignores records it never had.
   */
  public String deletions(String afterTime, long afterId, String until) {
    String at = "dr.deleteddate";
    StringBuilder q =
        new StringBuilder("SELECT dr.recordid AS id, dr.type AS type, TO_CHAR(")
            .append(at)
            .append(", '")
            .append(FORMAT)
            .append("') AS deleted FROM deletedrecord dr WHERE LOWER(dr.type) IN (")
            .append(deletedTypes.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")))
            .append(") AND ")
            .append(at)
            .append(" <= ")
            .append(timestamp(until))
            .append(" AND (")
            .append(at)
            .append(" > ")
            .append(timestamp(afterTime))
            .append(" OR (")
            .append(at)
            .append(" = ")
            .append(timestamp(afterTime))
            .append(" AND dr.recordid > ")
            .append(afterId)
            .append(")) ORDER BY ")
            .append(at)
            .append(", dr.recordid");
    return q.toString();
  }

  private static String timestamp(String local) {
    if (!local.matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")) {
      throw new IllegalArgumentException("not a timestamp: " + local);
    }
    return "TO_TIMESTAMP('" + local + "', '" + FORMAT + "')";
  }

  /** The applications of a page of payments: which invoices, how much. */
  public static String applications(java.util.List<String> paymentIds) {
    return "SELECT pl.nextdoc AS payment, pl.previousdoc AS invoice, inv.tranid AS invoicetranid,"
        + " pl.foreignamount AS amount FROM previoustransactionlinelink pl"
        + " INNER JOIN transaction inv ON inv.id = pl.previousdoc"
        + " WHERE pl.linktype = 'Payment' AND pl.nextdoc IN ("
        + String.join(", ", paymentIds)
        + ") ORDER BY pl.nextdoc, pl.previousdoc";
  }
}
