package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.http.HttpClientFactory;
import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.hub.admin.connection.ConnectionChanges;
import io.dunhub.hub.admin.connection.StoredConnections;
import io.dunhub.hub.admin.mapping.MappingChanges;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.Mode;
import io.dunhub.hub.config.StoreConfig;
import io.dunhub.hub.config.SyncConfig;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.crypto.SecretKeyLoader;
import io.dunhub.hub.metrics.SyncMetrics;
import io.dunhub.hub.store.JdbcTokenStore;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.ConnectionRegistry;
import io.dunhub.hub.sync.ParkedRecords;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncListener;
import io.dunhub.hub.sync.SyncOptions;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * Sync: the connections of the config and those added through the admin API as the engine's
 * registry (with a scheduled sync that follows the API's changes at once, {@link
 * AddedConnectionTasks}; mappings saved through the API used at once, {@link LiveMappings}), the
 * mappings, the token store, the engine itself, parked records, and a recurring task per connection
 * and stream.
 */
public final class SyncModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ConnectionRegistry.class).to(ConfigConnectionRegistry.class);
    SchedulerModule.taskSources(binder()).addBinding().to(SyncTasks.class);
    SchedulerModule.taskSources(binder()).addBinding().to(AddedConnectionTasks.class);
    OptionalBinder.newOptionalBinder(binder(), ConnectionChanges.class)
        .setBinding()
        .to(AddedConnectionTasks.class);
    OptionalBinder.newOptionalBinder(binder(), MappingChanges.class)
        .setBinding()
        .to(LiveMappings.class);
    listeners(binder());
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(ConnectionsService.class);
  }

  @Provides
  @Singleton
  static MappingSet mappings(HubConfig config) {
    MappingSet set = HubMappings.load(config);
    if (set.hasErrors()) {
      List<MappingProblem> errors = set.errors();
      throw new IllegalStateException(
          errors.size()
              + " problem(s) in the mappings (check them with 'dunhub mappings validate'):\n  "
              + errors.stream().map(MappingProblem::toString).collect(Collectors.joining("\n  ")));
    }
    return set;
  }

  @Provides
  @Singleton
  static OkHttpClient http() {
    return HttpClientFactory.processClient();
  }

  @Provides
  @Singleton
  static SecretCipher cipher(HubConfig config, EnvLookup env) {
    if (config.secretKey().key().isPresent()) {
      return new SecretCipher(
          Base64.getDecoder().decode(config.secretKey().key().get().reveal().strip()));
    }
    return new SecretKeyLoader(name -> env.get(name).orElse(null), new SecureRandom())
        .load(
            config.secretKey().file().orElse(null),
            config.store() instanceof StoreConfig.Embedded e ? e.dataDir() : null,
            config.mode() == Mode.PRODUCTION);
  }

  @Provides
  @Singleton
  static TokenStore tokens(Store store, SecretCipher cipher, Clock clock) {
    return new JdbcTokenStore(store, cipher, clock);
  }

  @Provides
  @Singleton
  static ConfigConnectionRegistry registry(
      HubConfig config,
      Provider<StoredConnections> stored,
      Map<String, HostConnector> connectors,
      MappingSet mappings,
      Clock clock,
      TokenStore tokens,
      OkHttpClient http) {
    return new ConfigConnectionRegistry(
        config, () -> added(stored.get()), connectors, mappings, clock, tokens, http);
  }

  /** The connections added through the admin API, as config entries on the default schedule. */
  static Map<String, ConnectionConfig> added(StoredConnections stored) {
    Map<String, ConnectionConfig> result = new LinkedHashMap<>();
    stored
        .all()
        .forEach(
            (name, a) ->
                result.put(
                    name,
                    new ConnectionConfig(
                        name,
                        a.settings().type(),
                        a.settings(),
                        SyncConfig.defaults(a.enabled()),
                        0)));
    return result;
  }

  @Provides
  @Singleton
  static SyncEngine engine(
      Store store,
      ConnectionRegistry registry,
      Clock clock,
      Set<SyncListener> listeners,
      SyncMetrics metrics) {
    List<SyncListener> all = List.copyOf(listeners);
    SyncListener fanOut = (h, entity, ids, now) -> all.forEach(l -> l.changed(h, entity, ids, now));
    return new SyncEngine(store, registry, clock, SyncOptions.defaults(), fanOut, metrics);
  }

  /** The set of listeners told about each inbound page's changes, in its transaction. */
  public static Multibinder<SyncListener> listeners(com.google.inject.Binder binder) {
    return Multibinder.newSetBinder(binder, SyncListener.class);
  }

  @Provides
  @Singleton
  static ParkedRecords parked(Store store, Clock clock) {
    return new ParkedRecords(store, clock);
  }
}
