package io.dunhub.hub.admin.cases;

import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads dunning cases for the admin API: a page of cases by state and text, and one case in full. A
 * case's state is derived, first match wins: {@code closed}, {@code excluded} (its party), {@code
 * disputed} (the case or its party), {@code paused}, {@code on_hold}, {@code promised}, {@code
 * escalated}, {@code active}.
 */
public final class CaseQueries {

  /** The states a case can be in, as the API names them. */
  public static final List<String> STATES =
      List.of(
          "active", "paused", "on_hold", "disputed", "promised", "escalated", "closed", "excluded");

  static final String STATE =
      "TRIM(CASE WHEN c.closed = TRUE THEN 'closed'"
          + " WHEN p.excluded_from_dunning = TRUE THEN 'excluded'"
          + " WHEN c.disputed = TRUE OR p.in_dispute = TRUE THEN 'disputed'"
          + " WHEN c.hold_reason IS NOT NULL AND (c.hold_until IS NULL OR c.hold_until > :today)"
          + " AND c.hold_kind = 'pause' THEN 'paused'"
          + " WHEN c.hold_reason IS NOT NULL AND (c.hold_until IS NULL OR c.hold_until > :today)"
          + " THEN 'on_hold'"
          + " WHEN c.promised_date IS NOT NULL THEN 'promised'"
          + " WHEN c.escalated_at IS NOT NULL THEN 'escalated'"
          + " ELSE 'active' END)";

  private static final String SELECT =
      "SELECT * FROM (SELECT c.id, c.invoice_id, c.party_id, c.policy_id, c.disputed, c.promised_date,"
          + " c.hold_reason, c.hold_until, c.hold_kind, c.escalated_at, c.handed_over, c.closed,"
          + " c.next_evaluation_at, c.last_evaluated_at, c.last_status, i.number, i.status AS invoice_status,"
          + " i.due_date, i.issue_date, i.currency, i.total, i.open_balance, p.name AS party_name, "
          + STATE
          + " AS case_state FROM dunning_cases c JOIN invoices i ON i.id = c.invoice_id"
          + " JOIN parties p ON p.id = c.party_id) x";

  private final Store store;

  public CaseQueries(Store store) {
    this.store = store;
  }

  /** A page of cases, most urgent (oldest due date) first. */
  public List<Map<String, Object>> list(
      String state, String q, String partyId, LocalDate today, int limit, int offset) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              List<String> where = new ArrayList<>();
              if (state != null) {
                where.add("case_state = :state");
              }
              if (q != null) {
                where.add("(LOWER(number) LIKE :q OR LOWER(party_name) LIKE :q)");
              }
              if (partyId != null) {
                where.add("party_id = :party");
              }
              Query query =
                  h.createQuery(
                          SELECT
                              + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                              + " ORDER BY due_date, number, id LIMIT :limit OFFSET :offset")
                      .bind("today", today)
                      .bind("limit", limit)
                      .bind("offset", offset);
              if (state != null) {
                query.bind("state", state);
              }
              if (q != null) {
                query.bind("q", "%" + q.toLowerCase(Locale.ROOT) + "%");
              }
              if (partyId != null) {
                query.bind("party", partyId);
              }
              List<Map<String, Object>> rows = query.map((rs, ctx) -> summary(rs)).list();
              addLastSteps(h, rows);
              return rows;
            });
  }

  /** One case with its invoice, party and state, or empty. */
  public Optional<Map<String, Object>> find(String caseId, LocalDate today) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Optional<Map<String, Object>> row =
                  h.createQuery(SELECT + " WHERE id = :id")
                      .bind("today", today)
                      .bind("id", caseId)
                      .map(
                          (rs, ctx) -> {
                            Map<String, Object> m = summary(rs);
                            m.put("policy", rs.getString("policy_id"));
                            m.put("invoiceStatus", rs.getString("invoice_status"));
                            m.put("issueDate", rs.getObject("issue_date", LocalDate.class));
                            m.put(
                                "total",
                                ApiJson.money(rs.getBigDecimal("total"), rs.getString("currency")));
                            m.put("holdReason", rs.getString("hold_reason"));
                            m.put("holdUntil", rs.getObject("hold_until", LocalDate.class));
                            m.put("promisedDate", rs.getObject("promised_date", LocalDate.class));
                            m.put("escalatedAt", instant(rs, "escalated_at"));
                            m.put("handedOver", rs.getBoolean("handed_over"));
                            m.put("lastEvaluatedAt", instant(rs, "last_evaluated_at"));
                            m.put("lastStatus", rs.getString("last_status"));
                            return m;
                          })
                      .findOne();
              row.ifPresent(r -> addLastSteps(h, List.of(r)));
              return row;
            });
  }

  private static Map<String, Object> summary(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rs.getString("id"));
    m.put("invoiceId", rs.getString("invoice_id"));
    m.put("invoiceNumber", rs.getString("number"));
    m.put("partyId", rs.getString("party_id"));
    m.put("partyName", rs.getString("party_name"));
    m.put("state", rs.getString("case_state"));
    BigDecimal open = rs.getBigDecimal("open_balance");
    m.put("openBalance", ApiJson.money(open, rs.getString("currency")));
    m.put("dueDate", rs.getObject("due_date", LocalDate.class));
    m.put("nextEvaluationAt", instant(rs, "next_evaluation_at"));
    m.put("lastStep", null);
    return m;
  }

  /** The latest step each case took ({@code done}, not skipped). */
  private static void addLastSteps(Handle h, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
    Map<String, String> last = new HashMap<>();
    h.createQuery(
            "SELECT case_id, step_id FROM dunning_steps WHERE outcome = 'done' AND case_id IN (<ids>)"
                + " ORDER BY taken_at, step_id")
        .bindList("ids", ids)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .forEach(r -> last.put(r[0], r[1]));
    for (Map<String, Object> r : rows) {
      r.put("lastStep", last.get((String) r.get("id")));
    }
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
