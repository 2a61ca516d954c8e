package io.dunhub.hub.console;

import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console: plain HTML, CSS and ES modules from {@code console/} on the classpath (built
 * into the hub's jar, no Node build), and Chart.js from its WebJar. {@code /} redirects to {@code
 * /console/}; every page is the same shell and the browser routes by the URL's fragment. The
 * console only reads and acts through the admin API ({@code /api/**}) with the user's token.
 *
 * <p>Each response carries a Content-Security-Policy that allows scripts from the hub only (no
 * inline script), and notice previews render in a sandboxed frame.
 */
final class ConsoleRoutes implements RoutePlugin {

  static final String ROOT = "console/";

  /** Scripts and styles from the hub only; notice HTML may carry inline styles in its frame. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-./]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json");

  @Override
  public void addRoutes(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/console/", HttpStatus.FOUND));
    app.get("/console/", ctx -> serve(ctx, ROOT + "index.html", false));
    String chartJs = ConsoleAssets.chartJs();
    app.get("/console/vendor/chart.umd.js", ctx -> serve(ctx, chartJs, true));
    app.get("/console/<path>", this::asset);
  }

  private void asset(Context ctx) {
    String path = ctx.pathParam("path");
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.startsWith("/")) {
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("not found");
      return;
    }
    serve(ctx, ROOT + path, false);
  }

  private static void serve(Context ctx, String resource, boolean immutable) {
    Optional<byte[]> bytes = read(resource);
    if (bytes.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("not found");
      return;
    }
    String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", immutable ? "public, max-age=86400" : "no-cache");
    ctx.result(bytes.get());
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
