package io.dunhub.hub.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.runtime.StoreModule;
import io.dunhub.hub.store.StoreSettings;
import jakarta.inject.Singleton;

/**
 * The demo's store: the embedded database of {@code dunhub.yml}, written to disk every 200 ms
 * instead of synced at every commit. The demo throws its data away at the next start, and a
 * headless run commits tens of thousands of small transactions (a sync's lease and run rows, each
 * outbox row's claim and outcome), so a disk sync per commit was a third of its wall time. The
 * config stays an ordinary one: {@code dunhub --config dunhub-demo/dunhub.yml run} opens the same
 * data with the usual durable settings.
 */
final class DemoStore extends AbstractModule {

  static final String DURABLE = ";hsqldb.write_delay=false";
  static final String DELAYED = ";hsqldb.write_delay=true;hsqldb.write_delay_millis=200";

  @Provides
  @Singleton
  static StoreSettings storeSettings(HubConfig config) {
    StoreSettings durable = StoreModule.settingsOf(config.store());
    if (!durable.isEmbedded() || !durable.jdbcUrl().contains(DURABLE)) {
      return durable;
    }
    return new StoreSettings(
        durable.jdbcUrl().replace(DURABLE, DELAYED),
        durable.user(),
        durable.password(),
        durable.poolSize());
  }
}
