package io.dunhub.hub.admin;

import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/openapi.yaml}: the hand-written OpenAPI 3 document of the admin API. */
public final class OpenApiRoutes implements RoutePlugin {

  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "/admin/openapi.yaml";

  private final ApiRouters routers;

  @jakarta.inject.Inject
  public OpenApiRoutes(ApiRouters routers) {
    this.routers = routers;
  }

  public static String document() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void addRoutes(Javalin app) {
    String text = document();
    routers
        .on(app)
        .get(
            "/api/openapi.yaml",
            Access.READ,
            ctx -> ctx.contentType("application/yaml; charset=utf-8").result(text));
  }
}
