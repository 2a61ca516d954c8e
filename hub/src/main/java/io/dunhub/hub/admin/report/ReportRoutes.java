package io.dunhub.hub.admin.report;

import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.report.AgingLine;
import io.dunhub.hub.report.CurrencyReceivables;
import io.dunhub.hub.report.Overview;
import io.dunhub.hub.report.ReceivablesReports;
import io.dunhub.hub.report.RecoveryRate;
import io.dunhub.hub.report.UpcomingAction;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/reports/overview?asOf=}: the receivables overview of the console. */
public final class ReportRoutes implements RoutePlugin {

  private final ApiRouters routers;
  private final Provider<ReceivablesReports> reports;

  @Inject
  public ReportRoutes(ApiRouters routers, Provider<ReceivablesReports> reports) {
    this.routers = routers;
    this.reports = reports;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers.on(app).get("/api/reports/overview", Access.READ, this::overview);
  }

  private void overview(Context ctx) {
    ReceivablesReports r = reports.get();
    LocalDate asOf = ApiJson.dateParam(ctx, "asOf").orElse(r.today());
    ApiJson.send(ctx, json(r.overview(asOf)));
  }

  /** The overview as the API shows it. */
  public static Map<String, Object> json(Overview o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", o.asOf());
    m.put("currencies", o.currencies().stream().map(ReportRoutes::currency).toList());
    m.put("reportingCurrency", o.reportingCurrency());
    m.put(
        "dso",
        o.dso().stream()
            .map(
                p -> {
                  Map<String, Object> d = new LinkedHashMap<>();
                  d.put("date", p.date());
                  d.put("days", p.days());
                  return d;
                })
            .toList());
    m.put("cei", o.cei());
    m.put("recovery", o.recovery().stream().map(ReportRoutes::recovery).toList());
    m.put("upcoming", o.upcoming().stream().map(ReportRoutes::upcoming).toList());
    return m;
  }

  private static Map<String, Object> currency(CurrencyReceivables c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("currency", c.currency());
    m.put("receivables", ApiJson.money(c.receivables()));
    List<Map<String, Object>> aging =
        c.aging().stream()
            .map(
                (AgingLine a) -> {
                  Map<String, Object> b = new LinkedHashMap<>();
                  b.put("bucket", a.bucket().label());
                  b.put("amount", ApiJson.money(a.amount()));
                  b.put("count", a.count());
                  return b;
                })
            .toList();
    m.put("aging", aging);
    m.put("atRisk", ApiJson.money(c.atRisk()));
    m.put("dso", c.dso());
    m.put("cei", c.cei());
    return m;
  }

  private static Map<String, Object> recovery(RecoveryRate r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by", r.by());
    m.put("key", r.key());
    m.put("notices", r.notices());
    m.put("paidWithin30d", r.paidWithin30d());
    m.put("rate", r.rate());
    return m;
  }

  private static Map<String, Object> upcoming(UpcomingAction u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", u.date());
    m.put("at", u.at());
    m.put("caseId", u.caseId());
    m.put("invoiceNumber", u.invoiceNumber());
    m.put("party", u.party());
    m.put("step", u.step());
    m.put("channel", u.channel());
    return m;
  }
}
