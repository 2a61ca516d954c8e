package io.dunhub.hub.admin.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.config.SchedulesConfig;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.writeback.WriteBackPlanner;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/cases}: list by state and text, one case with its timeline, and the actions a
 * collector takes. After an action the case's party is evaluated at once (the answer shows the new
 * state and status); if that fails the case stays due and the next sweep takes it.
 */
public final class CaseRoutes implements RoutePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);

  private final ApiRouters routers;
  private final Store store;
  private final Clock clock;
  private final ZoneId zone;
  private final Provider<DunningRuntime> dunning;
  private final CaseQueries queries;
  private final CaseTimeline timeline;
  private final CaseActions actions;

  @Inject
  public CaseRoutes(
      ApiRouters routers,
      Store store,
      Clock clock,
      SchedulesConfig schedules,
      Provider<DunningRuntime> dunning) {
    this.routers = routers;
    this.store = store;
    this.clock = clock;
    this.zone = schedules.zone();
    this.dunning = dunning;
    this.queries = new CaseQueries(store);
    this.timeline = new CaseTimeline(store);
    this.actions =
        new CaseActions(
            store,
            clock,
            new DunningCases(store, clock),
            () -> new WriteBackPlanner(dunning.get().outbox()));
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/cases", Access.READ, this::list)
        .get("/api/cases/{id}", Access.READ, this::detail)
        .post("/api/cases/{id}/pause", Access.CASE_ACTION, this::pause)
        .post("/api/cases/{id}/hold", Access.CASE_ACTION, this::hold)
        .post("/api/cases/{id}/dispute", Access.CASE_ACTION, this::dispute)
        .post("/api/cases/{id}/promise", Access.CASE_ACTION, this::promise)
        .post("/api/cases/{id}/escalate", Access.CASE_ACTION, this::escalate)
        .post("/api/cases/{id}/exclude", Access.CASE_ACTION, this::exclude)
        .post("/api/cases/{id}/resume", Access.CASE_ACTION, this::resume);
  }

  private LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  private void list(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !CaseQueries.STATES.contains(state)) {
      throw ApiError.badField(
          "state",
          "must be one of " + String.join(", ", CaseQueries.STATES) + ", got '" + state + "'");
    }
    String q = blankToNull(ctx.queryParam("q"));
    int limit = ApiJson.intParam(ctx, "limit", 50, 1, 500);
    int offset = ApiJson.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ApiJson.send(
        ctx, queries.list(state, q, blankToNull(ctx.queryParam("party")), today(), limit, offset));
  }

  private void detail(Context ctx) {
    ApiJson.send(ctx, full(ctx.pathParam("id")));
  }

  private Map<String, Object> full(String id) {
    Map<String, Object> c =
        queries.find(id, today()).orElseThrow(() -> ApiError.notFound("case " + id));
    c.put("timeline", timeline.of(id, (String) c.get("invoiceId")));
    return c;
  }

  private void pause(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    String reason = ApiJson.text(body, "reason");
    Optional<LocalDate> until = ApiJson.optionalDate(body, "until");
    until.ifPresent(this::requireFuture);
    act(ctx, "paused: " + reason, (t, by) -> actions.pause(t, by, reason, until.orElse(null)));
  }

  private void hold(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    String reason = ApiJson.text(body, "reason");
    LocalDate until = ApiJson.date(body, "until");
    requireFuture(until);
    act(
        ctx,
        "on hold until " + until + ": " + reason,
        (t, by) -> actions.hold(t, by, reason, until));
  }

  private void dispute(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    boolean open = ApiJson.bool(body, "open");
    Optional<String> reason = ApiJson.optionalText(body, "reason");
    if (open && reason.isEmpty()) {
      throw ApiError.badField("reason", "is required when opening a dispute");
    }
    act(
        ctx,
        (open ? "dispute opened" : "dispute resolved") + reason.map(r -> ": " + r).orElse(""),
        (t, by) -> actions.dispute(t, by, open, reason.orElse(null)));
  }

  private void promise(Context ctx) {
    LocalDate date = ApiJson.date(ApiJson.body(ctx), "date");
    if (date.isBefore(today())) {
      throw ApiError.badField("date", "must be today (" + today() + ") or later, got " + date);
    }
    act(ctx, "promise to pay by " + date, (t, by) -> actions.promise(t, by, date));
  }

  private void escalate(Context ctx) {
    Optional<String> note = ApiJson.optionalText(ApiJson.body(ctx), "note");
    act(
        ctx,
        "escalated" + note.map(n -> ": " + n).orElse(""),
        (t, by) -> actions.escalate(t, by, note.orElse(null)));
  }

  private void exclude(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    boolean excluded = !body.has("excluded") || ApiJson.bool(body, "excluded");
    Optional<String> reason = ApiJson.optionalText(body, "reason");
    CaseActions.Target t = target(ctx.pathParam("id"), true);
    ApiRouter.auditDetails(
        ctx,
        (excluded ? "party " : "party included again ")
            + t.partyId()
            + reason.map(r -> ": " + r).orElse(""));
    actions.exclude(t, ApiRouter.principal(ctx).name(), excluded, reason.orElse(null));
    reevaluate(t);
    ApiJson.send(ctx, full(t.caseId()));
  }

  private void resume(Context ctx) {
    act(ctx, "resumed", (t, by) -> actions.resume(t, by));
  }

  private interface Action {
    void apply(CaseActions.Target target, String by);
  }

  private void act(Context ctx, String details, Action action) {
    CaseActions.Target t = target(ctx.pathParam("id"), false);
    ApiRouter.auditDetails(ctx, details);
    action.apply(t, ApiRouter.principal(ctx).name());
    reevaluate(t);
    ApiJson.send(ctx, full(t.caseId()));
  }

  private CaseActions.Target target(String id, boolean closedOk) {
    Object[] row =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT invoice_id, party_id, closed FROM dunning_cases WHERE id = :id")
                        .bind("id", id)
                        .map(
                            (rs, c) ->
                                new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                        .findOne()
                        .orElseThrow(() -> ApiError.notFound("case " + id)));
    if (!closedOk && (Boolean) row[2]) {
      throw new ApiError(409, "case " + id + " is closed (its invoice is paid or void)", null);
    }
    return new CaseActions.Target(id, (String) row[0], (String) row[1]);
  }

  private void requireFuture(LocalDate until) {
    if (!until.isAfter(today())) {
      throw ApiError.badField("until", "must be after today (" + today() + "), got " + until);
    }
  }

  private void reevaluate(CaseActions.Target t) {
    try {
      dunning.get().sweep().evaluateParty(t.partyId(), clock.instant());
    } catch (RuntimeException e) {
      LOG.warn(
          "case {}: evaluating party {} after an admin action failed; the next sweep retries: {}",
          t.caseId(),
          t.partyId(),
          e.toString());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
