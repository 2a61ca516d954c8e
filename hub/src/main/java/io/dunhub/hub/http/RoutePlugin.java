package io.dunhub.hub.http;

import io.javalin.Javalin;

/**
 * A group of HTTP routes on the hub's one port (health, webhooks, admin API, console). Add one with
 * {@code Multibinder.newSetBinder(binder(), RoutePlugin.class).addBinding().to(MyRoutes.class)};
 * the server calls {@link #addRoutes} once, before it starts listening.
 */
public interface RoutePlugin {

  void addRoutes(Javalin app);
}
