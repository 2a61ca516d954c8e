package io.dunhub.hub.admin.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.admin.policy.PolicyFiles;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.policy.Policy;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.dunning.policy.Step;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeContent;
import io.dunhub.hub.notice.NoticeLine;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.RenderedNotice;
import io.dunhub.hub.notice.TemplateException;
import io.dunhub.hub.runtime.DunningRuntimes;
import io.dunhub.hub.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /api/templates} (the notice templates the policies use, with the languages each is
 * written in) and {@code POST /api/templates/preview} (one template rendered for a stored invoice
 * in a locale, exactly as a notice would be, with placeholder tracking links).
 */
public final class TemplateRoutes implements RoutePlugin {

  /** The languages looked for beside English. */
  static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "pl");

  private final ApiRouters routers;
  private final NoticeRenderer renderer;
  private final PolicyFiles policies;
  private final Store store;
  private final Clock clock;
  private final Brand brand;

  @Inject
  public TemplateRoutes(
      ApiRouters routers, PolicyFiles policies, Store store, Clock clock, HubConfig config) {
    this.routers = routers;
    this.renderer = policies.renderer();
    this.policies = policies;
    this.store = store;
    this.clock = clock;
    this.brand = DunningRuntimes.settings(config).brand();
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/templates", Access.READ, this::list)
        .post("/api/templates/preview", Access.READ, this::preview);
  }

  private TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>();
    PolicySet set = policies.current();
    if (set != null) {
      List<Policy> all = new ArrayList<>(set.ordered());
      all.add(set.fallback());
      for (Policy p : all) {
        if (p.thankYouTemplate() != null) {
          names.add(p.thankYouTemplate());
        }
        for (Step s : p.steps()) {
          if (s.template() != null) {
            names.add(s.template());
          }
        }
      }
    }
    return names;
  }

  private void list(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (String name : names()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put(
          "locales",
          LANGUAGES.stream()
              .filter(
                  l ->
                      TemplateRoutes.class.getResource("/templates/" + name + "_" + l + ".peb")
                          != null)
              .toList());
      list.add(m);
    }
    ApiJson.send(ctx, list);
  }

  private void preview(Context ctx) {
    ApiRouter.noChange(ctx);
    ObjectNode body = ApiJson.body(ctx);
    String template = ApiJson.text(body, "template");
    if (!renderer.exists(template)) {
      throw ApiError.badField(
          "template", "no template named '" + template + "'; known: " + names());
    }
    Locale locale;
    try {
      locale =
          new Locale.Builder()
              .setLanguageTag(ApiJson.optionalText(body, "locale").orElse("en"))
              .build();
    } catch (IllformedLocaleException e) {
      throw ApiError.badField("locale", "must be a language tag such as en, de or de-AT");
    }
    String invoiceId = ApiJson.text(body, "invoiceId");
    String[] row =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT i.data, p.data FROM invoices i JOIN parties p ON p.id = i.party_id"
                                + " WHERE i.id = :id OR i.number = :id")
                        .bind("id", invoiceId)
                        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2)})
                        .findFirst()
                        .orElseThrow(
                            () ->
                                ApiError.badField(
                                    "invoiceId",
                                    "no invoice with id or number '" + invoiceId + "'")));
    Invoice invoice = CanonicalReader.read(row[0], Invoice.class, "invoices/" + invoiceId);
    Party party = CanonicalReader.read(row[1], Party.class, "parties");
    NoticeContent content =
        new NoticeContent(
            brand,
            locale,
            party.name(),
            null,
            List.of(
                new NoticeLine(
                    invoice.number(),
                    invoice.issueDate(),
                    invoice.dueDate(),
                    invoice.total(),
                    invoice.openBalance(),
                    Money.zero(invoice.total().currency()),
                    invoice.paymentLink())),
            clock.instant().atZone(party.timeZone()).toLocalDate(),
            invoice.paymentLink(),
            "https://dunhub.invalid/u/preview",
            null);
    RenderedNotice r;
    try {
      r = renderer.render(template, content);
    } catch (TemplateException e) {
      throw new ApiError(422, "the template cannot be rendered: " + e.getMessage(), "template");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subject", r.subject());
    m.put("html", r.html());
    m.put("text", r.text());
    m.put("sms", r.sms());
    m.put("letterHtml", r.letterHtml());
    ApiJson.send(ctx, m);
  }
}
