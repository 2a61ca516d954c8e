package io.dunhub.hub.console;

import com.google.inject.AbstractModule;
import io.dunhub.hub.http.HttpModule;

/** The web console's routes on the hub's HTTP server. */
public final class ConsoleModule extends AbstractModule {
  @Override
  protected void configure() {
    HttpModule.routes(binder()).addBinding().to(ConsoleRoutes.class);
  }
}
