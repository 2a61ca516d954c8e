package io.dunhub.hub.admin.party;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Party;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.admin.cases.CaseQueries;
import io.dunhub.hub.config.SchedulesConfig;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/parties} (search by name or email) and {@code GET /api/parties/{id}} (the party
 * with its contacts, invoices and cases). A party's state: {@code excluded}, {@code disputed},
 * {@code overdue} (an open invoice past due), {@code current} (open, none past due) or {@code
 * settled}.
 */
public final class PartyRoutes implements RoutePlugin {

  private static final String STATE =
      "TRIM(CASE WHEN p.excluded_from_dunning = TRUE THEN 'excluded' WHEN p.in_dispute = TRUE THEN 'disputed'"
          + " WHEN EXISTS (SELECT 1 FROM invoices i WHERE i.party_id = p.id AND i.deleted = FALSE"
          + " AND i.status IN ('OPEN', 'PARTIALLY_PAID') AND i.due_date < :today) THEN 'overdue'"
          + " WHEN EXISTS (SELECT 1 FROM invoices i WHERE i.party_id = p.id AND i.deleted = FALSE"
          + " AND i.status IN ('OPEN', 'PARTIALLY_PAID')) THEN 'current' ELSE 'settled' END)";

  private final ApiRouters routers;
  private final Store store;
  private final Clock clock;
  private final ZoneId zone;
  private final CaseQueries cases;

  @Inject
  public PartyRoutes(ApiRouters routers, Store store, Clock clock, SchedulesConfig schedules) {
    this.routers = routers;
    this.store = store;
    this.clock = clock;
    this.zone = schedules.zone();
    this.cases = new CaseQueries(store);
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/parties", Access.READ, this::list)
        .get("/api/parties/{id}", Access.READ, this::detail);
  }

  private LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  private void list(Context ctx) {
    String q = ctx.queryParam("q");
    int limit = ApiJson.intParam(ctx, "limit", 50, 1, 500);
    int offset = ApiJson.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean search = q != null && !q.isBlank();
    List<Map<String, Object>> parties =
        store
            .jdbi()
            .withHandle(
                h -> {
                  var query =
                      h.createQuery(
                              "SELECT p.id, p.name, p.email_key, "
                                  + STATE
                                  + " AS party_state, (SELECT COUNT(*) FROM dunning_cases c WHERE c.party_id = p.id"
                                  + " AND c.closed = FALSE) AS open_cases FROM parties p WHERE p.deleted = FALSE"
                                  + (search
                                      ? " AND (LOWER(p.name) LIKE :q OR LOWER(p.email_key) LIKE :q)"
                                      : "")
                                  + " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset")
                          .bind("today", today())
                          .bind("limit", limit)
                          .bind("offset", offset);
                  if (search) {
                    query.bind("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
                  }
                  return query
                      .map(
                          (rs, c) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", rs.getString("id"));
                            m.put("name", rs.getString("name"));
                            m.put("email", rs.getString("email_key"));
                            m.put("openBalance", new ArrayList<>());
                            m.put("cases", rs.getInt("open_cases"));
                            m.put("state", rs.getString("party_state"));
                            return m;
                          })
                      .list();
                });
    addBalances(parties);
    ApiJson.send(ctx, parties);
  }

  @SuppressWarnings("unchecked")
  private void addBalances(List<Map<String, Object>> parties) {
    if (parties.isEmpty()) {
      return;
    }
    Map<String, Map<String, Object>> byId = new HashMap<>();
    parties.forEach(p -> byId.put((String) p.get("id"), p));
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT party_id, currency, SUM(open_balance) AS open FROM invoices WHERE deleted = FALSE"
                            + " AND status IN ('OPEN', 'PARTIALLY_PAID') AND party_id IN (<ids>)"
                            + " GROUP BY party_id, currency ORDER BY party_id, currency")
                    .bindList("ids", new ArrayList<>(byId.keySet()))
                    .map(
                        (rs, c) ->
                            new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3)})
                    .forEach(
                        r ->
                            ((List<Object>) byId.get((String) r[0]).get("openBalance"))
                                .add(ApiJson.money((java.math.BigDecimal) r[2], (String) r[1]))));
  }

  private void detail(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> party =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT p.id, p.data, p.excluded_from_dunning, p.in_dispute, "
                                + STATE
                                + " AS party_state FROM parties p WHERE p.id = :id AND p.deleted = FALSE")
                        .bind("id", id)
                        .bind("today", today())
                        .map(
                            (rs, c) -> {
                              Party p =
                                  CanonicalReader.read(
                                      rs.getString("data"), Party.class, "parties/" + id);
                              Map<String, Object> m = new LinkedHashMap<>();
                              m.put("id", id);
                              m.put("name", p.name());
                              m.put("email", p.email());
                              m.put("phone", p.phone());
                              m.put("country", p.country());
                              m.put("locale", p.locale().toLanguageTag());
                              m.put("timeZone", p.timeZone().getId());
                              m.put("segment", p.segment());
                              m.put("tags", p.tags());
                              m.put("excludedFromDunning", rs.getBoolean("excluded_from_dunning"));
                              m.put("inDispute", rs.getBoolean("in_dispute"));
                              m.put("state", rs.getString("party_state"));
                              return m;
                            })
                        .findOne()
                        .orElseThrow(() -> ApiError.notFound("party " + id)));
    party.put("openBalance", new ArrayList<>());
    addBalances(List.of(party));
    party.put("contacts", contacts(id));
    party.put("invoices", invoices(id));
    party.put("cases", cases.list(null, null, id, today(), 500, 0));
    ApiJson.send(ctx, party);
  }

  private List<Map<String, Object>> contacts(String partyId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id, data FROM contacts WHERE party_id = :id AND deleted = FALSE ORDER BY id")
                    .bind("id", partyId)
                    .map(
                        (rs, c) -> {
                          Contact k =
                              CanonicalReader.read(rs.getString("data"), Contact.class, "contacts");
                          Map<String, Object> m = new LinkedHashMap<>();
                          m.put("id", rs.getString("id"));
                          m.put("name", k.displayName());
                          m.put("email", k.email());
                          m.put("phone", k.phone());
                          m.put(
                              "role",
                              k.role() == null ? null : k.role().name().toLowerCase(Locale.ROOT));
                          return m;
                        })
                    .list());
  }

  private List<Map<String, Object>> invoices(String partyId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT i.id, i.number, i.status, i.issue_date, i.due_date, i.currency, i.total,"
                            + " i.open_balance, c.id AS case_id FROM invoices i LEFT JOIN dunning_cases c"
                            + " ON c.invoice_id = i.id WHERE i.party_id = :id AND i.deleted = FALSE"
                            + " ORDER BY i.due_date DESC, i.number")
                    .bind("id", partyId)
                    .map(
                        (rs, c) -> {
                          Map<String, Object> m = new LinkedHashMap<>();
                          m.put("id", rs.getString("id"));
                          m.put("number", rs.getString("number"));
                          m.put("status", rs.getString("status"));
                          m.put("issueDate", rs.getObject("issue_date", LocalDate.class));
                          m.put("dueDate", rs.getObject("due_date", LocalDate.class));
                          m.put(
                              "total",
                              ApiJson.money(rs.getBigDecimal("total"), rs.getString("currency")));
                          m.put(
                              "openBalance",
                              ApiJson.money(
                                  rs.getBigDecimal("open_balance"), rs.getString("currency")));
                          m.put("caseId", rs.getString("case_id"));
                          return m;
                        })
                    .list());
  }
}
