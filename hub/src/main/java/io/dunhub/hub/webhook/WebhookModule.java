package io.dunhub.hub.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.runtime.Service;

/**
 * Webhooks: {@code POST /webhooks/{connector}} for every connector that takes them ({@link
 * io.dunhub.core.connector.HostConnector#webhooks()}), and the background syncs they trigger.
 */
public final class WebhookModule extends AbstractModule {

  @Override
  protected void configure() {
    HttpModule.routes(binder()).addBinding().to(WebhookRoutes.class);
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(WebhookSyncs.class);
  }
}
