package io.dunhub.hub.runtime;

import io.dunhub.hub.config.ChannelsConfig;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.StoreConfig;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.dunning.cli.DunningSettings;
import io.dunhub.hub.dunning.cli.DunningWiring;
import io.dunhub.hub.metrics.DunningMetrics;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.SmtpSettings;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dunning engine ({@link DunningRuntime}: sweep, outbox, relay) from the hub's config:
 * its store, the policies folder (or the bundled policies), the SMTP and SMS channels, PDF letters
 * archived under {@code <data dir>/letters}, the hub's connections for write-backs, and a sync of
 * every enabled connection.
 */
public final class DunningRuntimes {

  private static final Logger LOG = LoggerFactory.getLogger(DunningRuntimes.class);

  private final HubConfig config;
  private final Provider<Store> store;
  private final Provider<ConfigConnectionRegistry> registry;
  private final Provider<SyncEngine> engine;
  private final Provider<OkHttpClient> http;
  private final SchedulerService.SchedulerSettings scheduler;
  private final DunningMetrics metrics;

  @Inject
  DunningRuntimes(
      HubConfig config,
      Provider<Store> store,
      Provider<ConfigConnectionRegistry> registry,
      Provider<SyncEngine> engine,
      Provider<OkHttpClient> http,
      SchedulerService.SchedulerSettings scheduler,
      DunningMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.store = store;
    this.registry = registry;
    this.engine = engine;
    this.http = http;
    this.scheduler = scheduler;
  }

  /** The dunning settings the config implies. */
  public static DunningSettings settings(HubConfig config) {
    return new DunningSettings(
        config.policiesDir().orElse(null),
        null,
        Brand.plain("Accounts Receivable"),
        "http://" + config.http().host() + ":" + config.http().port(),
        config.channels().email().map(DunningRuntimes::smtp).orElse(null),
        config
            .channels()
            .sms()
            .map(
                s ->
                    new DunningSettings.SmsSettings(
                        s.baseUrl().toString(), s.account(), s.token(), s.from()))
            .orElse(null),
        lettersDir(config),
        RetryPolicy.DEFAULT);
  }

  private static SmtpSettings smtp(ChannelsConfig.Smtp s) {
    return new SmtpSettings(
        s.host(),
        s.port(),
        SmtpSettings.Security.valueOf(s.security().name()),
        s.username().orElse(null),
        s.password().orElse(null),
        s.from(),
        null,
        null,
        Duration.ofSeconds(30));
  }

  /** {@code <data dir>/letters}, or {@code letters} beside the config file with PostgreSQL. */
  static Path lettersDir(HubConfig config) {
    if (config.store() instanceof StoreConfig.Embedded e) {
      return e.dataDir().resolve("letters");
    }
    Path dir = config.file().toAbsolutePath().getParent();
    return dir.resolve("letters");
  }

  /**
   * A dunning engine on {@code clock}.
   *
   * @param clockSetter moves {@code clock} (simulation), or null for the hub's real clock
   */
  public DunningRuntime build(Clock clock, Consumer<Instant> clockSetter) {
    DunningRuntime runtime =
        DunningWiring.build(
            store.get(),
            clock,
            clockSetter,
            settings(config),
            name -> registry.get().connection(name),
            http.get(),
            this::syncAll,
            scheduler.nodeName());
    runtime.sweep().listen(metrics);
    runtime.relay().listen(metrics);
    return runtime;
  }

  /** One sync of every connection whose sync is enabled. */
  private void syncAll() {
    for (ConnectionConfig c : config.connections()) {
      if (c.sync().enabled()) {
        SyncReport report = engine.get().syncConnection(c.name());
        if (!report.ok()) {
          LOG.warn("sync {}", report);
        }
      }
    }
  }
}
