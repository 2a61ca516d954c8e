package io.dunhub.hub.runtime;

import io.dunhub.hub.http.ReadinessCheck;
import io.dunhub.hub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/** Ready when the store answers and no migration is pending. */
final class StoreReadiness implements ReadinessCheck {

  private final StoreService service;
  private final Provider<Store> store;

  @Inject
  StoreReadiness(StoreService service, Provider<Store> store) {
    this.service = service;
    this.store = store;
  }

  @Override
  public String name() {
    return "store";
  }

  @Override
  public Optional<String> problem() {
    if (!service.isStarted()) {
      return Optional.of("the store is not started");
    }
    Store s = store.get();
    if (!s.isHealthy()) {
      return Optional.of("the database does not answer");
    }
    int pending =
        Flyway.configure()
            .dataSource(s.dataSource())
            .locations("classpath:db/migration")
            .load()
            .info()
            .pending()
            .length;
    return pending == 0 ? Optional.empty() : Optional.of(pending + " migration(s) not applied yet");
  }
}
