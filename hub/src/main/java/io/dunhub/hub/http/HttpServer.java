package io.dunhub.hub.http;

import io.dunhub.hub.config.HttpConfig;
import io.dunhub.hub.runtime.Service;
import io.javalin.Javalin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's embedded HTTP server (Javalin on Jetty), on one configurable port. Routes come from
 * every bound {@link RoutePlugin}; nothing listens until {@link #start()}.
 */
@Singleton
public final class HttpServer implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final HttpConfig config;
  private final List<RoutePlugin> plugins;
  private volatile Javalin app;

  @Inject
  public HttpServer(HttpConfig config, Set<RoutePlugin> plugins) {
    this.config = config;
    List<RoutePlugin> sorted = new ArrayList<>(plugins);
    sorted.sort(Comparator.comparing(p -> p.getClass().getName()));
    this.plugins = List.copyOf(sorted);
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public int phase() {
    return HTTP_PHASE;
  }

  @Override
  public void start() {
    Javalin javalin =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.useVirtualThreads = false;
              c.http.defaultContentType = "application/json";
            });
    for (RoutePlugin plugin : plugins) {
      plugin.addRoutes(javalin);
    }
    try {
      javalin.start(config.host(), config.port());
    } catch (RuntimeException e) {
      javalin.stop();
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + cause(e) + ")", e);
    }
    app = javalin;
    LOG.info("http listening on {}:{}", config.host(), javalin.port());
  }

  /** The port it listens on (the chosen one when configured as 0). */
  public int port() {
    Javalin current = app;
    if (current == null) {
      throw new IllegalStateException("the HTTP server is not started");
    }
    return current.port();
  }

  @Override
  public void stop() {
    Javalin current = app;
    app = null;
    if (current != null) {
      current.stop();
    }
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
