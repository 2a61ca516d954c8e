package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.StoreConfig;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The store: settings from the config, the pool opened lazily when first needed, migrations run by
 * {@link StoreService#start()}, and its readiness check.
 */
public final class StoreModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(StoreService.class);
    HttpModule.readinessChecks(binder()).addBinding().to(StoreReadiness.class);
  }

  @Provides
  @Singleton
  static StoreSettings storeSettings(HubConfig config) {
    return settingsOf(config.store());
  }

  /** The store settings a config section describes. */
  public static StoreSettings settingsOf(StoreConfig store) {
    if (store instanceof StoreConfig.Postgres pg) {
      return new StoreSettings(pg.url(), pg.user(), pg.password(), pg.maxPoolSize());
    }
    return StoreSettings.embedded(((StoreConfig.Embedded) store).dataDir());
  }

  @Provides
  @Singleton
  static Store store(StoreSettings settings, Clock clock) {
    return Store.open(settings, clock);
  }
}
