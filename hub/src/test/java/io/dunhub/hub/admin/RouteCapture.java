package io.dunhub.hub.admin;

import com.google.inject.AbstractModule;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.util.Set;
import java.util.TreeSet;

/** Keeps the hub's Javalin instance, to list the routes it really serves (tests only). */
final class RouteCapture implements RoutePlugin {

  private volatile Javalin app;

  @Override
  public void addRoutes(Javalin javalin) {
    app = javalin;
  }

  /** Every HTTP route the server registered under {@code /api}: {@code GET /api/cases/{id}}. */
  Set<String> apiRoutes() {
    Set<String> routes = new TreeSet<>();
    for (ParsedEndpoint p : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      String path = p.getEndpoint().getPath();
      if (path.startsWith("/api/")) {
        routes.add(
            p.getEndpoint().getMethod().name() + " " + path.replace('<', '{').replace('>', '}'));
      }
    }
    return routes;
  }

  /** A module that adds the capture to the server's route plugins. */
  AbstractModule module() {
    RouteCapture capture = this;
    return new AbstractModule() {
      @Override
      protected void configure() {
        HttpModule.routes(binder()).addBinding().toInstance(capture);
      }
    };
  }
}
