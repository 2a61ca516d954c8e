package io.dunhub.hub.tracking;

import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.notice.TrackingLinks;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of the links in every notice ({@link TrackingLinks} makes them):
 *
 * <ul>
 *   <li>{@code GET /t/c/<token>?to=<url>}: records the click and redirects (302) to the target, but
 *       only to a target this hub signed for that message — any other gets 404, so the route is no
 *       open redirect;
 *   <li>{@code GET /t/o/<token>.gif}: records the open and answers a 1x1 transparent GIF (always,
 *       so a mail client never shows a broken image);
 *   <li>{@code GET /t/u/<token>}: a page asking to confirm the unsubscribe (a GET changes nothing:
 *       mail scanners follow links); {@code POST} to the same URL — the page's button, or a mail
 *       client's one-click {@code List-Unsubscribe-Post} — records the opt-out from the notice's
 *       channel for its recipient, so no further notice goes to them on that channel.
 * </ul>
 */
public final class TrackingRoutes implements RoutePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TrackingRoutes.class);

  /** A 1x1 transparent GIF. */
  static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private final Supplier<TrackingLinks> links;
  private final Supplier<TrackedMessages> messages;

  /** Suppliers, so that nothing is built before the routes are first used. */
  public TrackingRoutes(Supplier<TrackingLinks> links, Supplier<TrackedMessages> messages) {
    this.links = links;
    this.messages = messages;
  }

  @Override
  public void addRoutes(Javalin app) {
    app.get("/t/c/{token}", this::click);
    app.get("/t/o/{token}", this::open);
    app.get("/t/u/{token}", this::confirmPage);
    app.post("/t/u/{token}", this::unsubscribe);
  }

  private void click(Context ctx) {
    String target = ctx.queryParam("to");
    Optional<String> key =
        links.get().verify(TrackingLinks.Kind.CLICK, ctx.pathParam("token"), target);
    if (key.isEmpty() || !isWebUrl(target)) {
      page(
          ctx, 404, "Link not found", "This link is not valid. Please use the link in your email.");
      return;
    }
    try {
      messages
          .get()
          .find(key.get())
          .ifPresent(p -> messages.get().clicked(key.get(), p, target, agent(ctx)));
    } catch (RuntimeException e) {
      LOG.warn("tracking: click not recorded: {}", e.toString());
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(target, io.javalin.http.HttpStatus.FOUND);
  }

  private void open(Context ctx) {
    String token = ctx.pathParam("token");
    if (token.endsWith(".gif")) {
      token = token.substring(0, token.length() - 4);
      Optional<String> key = links.get().verify(TrackingLinks.Kind.OPEN, token, null);
      try {
        key.flatMap(k -> messages.get().find(k))
            .ifPresent(p -> messages.get().opened(key.get(), p, agent(ctx)));
      } catch (RuntimeException e) {
        LOG.warn("tracking: open not recorded: {}", e.toString());
      }
    }
    ctx.header("Cache-Control", "no-store, no-cache, must-revalidate");
    ctx.contentType("image/gif").result(PIXEL);
  }

  private void confirmPage(Context ctx) {
    Optional<Found> found = found(ctx);
    if (found.isEmpty()) {
      return;
    }
    NoticePayload p = found.get().payload();
    page(
        ctx,
        200,
        "Unsubscribe",
        "<p>Stop sending payment reminders "
            + channelWords(p.channel())
            + " to <strong>"
            + Html.escape(p.to())
            + "</strong>?</p>\n<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>\n"
            + "<p>Invoices stay due; other reminders may still reach you by another channel.</p>");
  }

  private void unsubscribe(Context ctx) {
    Optional<Found> found = found(ctx);
    if (found.isEmpty()) {
      return;
    }
    NoticePayload p = found.get().payload();
    messages.get().unsubscribe(found.get().key(), p);
    page(
        ctx,
        200,
        "Unsubscribed",
        "<p>You will receive no further payment reminders "
            + channelWords(p.channel())
            + " at <strong>"
            + Html.escape(p.to())
            + "</strong>.</p>");
  }

  private Optional<Found> found(Context ctx) {
    Optional<String> key =
        links.get().verify(TrackingLinks.Kind.UNSUBSCRIBE, ctx.pathParam("token"), null);
    Optional<NoticePayload> payload = key.flatMap(k -> messages.get().find(k));
    if (payload.isEmpty()) {
      page(
          ctx,
          404,
          "Link not found",
          "This unsubscribe link is not valid. Please use the link in your email.");
      return Optional.empty();
    }
    return Optional.of(new Found(key.get(), payload.get()));
  }

  private record Found(String key, NoticePayload payload) {}

  private static String channelWords(String channel) {
    return switch (channel) {
      case "SMS" -> "by text message";
      case "LETTER" -> "by post";
      default -> "by email";
    };
  }

  private static boolean isWebUrl(String target) {
    try {
      URI uri = new URI(target);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String agent(Context ctx) {
    return ctx.header("User-Agent");
  }

  private static void page(Context ctx, int status, String title, String body) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .html(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
                + Html.escape(title)
                + "</title><meta name=\"robots\" content=\"noindex\"></head>\n<body style=\"font-family:sans-serif;max-width:36em;margin:3em auto;\">\n<h1>"
                + Html.escape(title)
                + "</h1>\n"
                + body
                + "\n</body></html>\n");
  }

  /** HTML text escaping for the few values these pages show. */
  static final class Html {
    private Html() {}

    static String escape(String s) {
      if (s == null) {
        return "";
      }
      StringBuilder out = new StringBuilder(s.length());
      for (char c : s.toCharArray()) {
        switch (c) {
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '&' -> out.append("&amp;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&#39;");
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  }
}
