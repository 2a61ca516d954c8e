package io.dunhub.hub.runtime;

import io.dunhub.hub.config.BrandConfig;
import io.dunhub.hub.config.ChannelsConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.OutboxConfig;
import io.dunhub.hub.config.StoreConfig;
import io.dunhub.hub.crypto.SecretCipher;
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
 * every enabled connection (of the config file or added through the admin API).
 */
public final class DunningRuntimes {

  private static final Logger LOG = LoggerFactory.getLogger(DunningRuntimes.class);

  private final HubConfig config;
  private final Provider<Store> store;
  private final Provider<ConfigConnectionRegistry> registry;
  private final Provider<SyncEngine> engine;
  private final Provider<OkHttpClient> http;
  private final SchedulerService.SchedulerSettings scheduler;
  private final Provider<SecretCipher> cipher;
  private final DunningMetrics metrics;

  @Inject
  DunningRuntimes(
      HubConfig config,
      Provider<Store> store,
      Provider<ConfigConnectionRegistry> registry,
      Provider<SyncEngine> engine,
      Provider<OkHttpClient> http,
      SchedulerService.SchedulerSettings scheduler,
      Provider<SecretCipher> cipher,
      DunningMetrics metrics) {
    this.config = config;
    this.cipher = cipher;
    this.metrics = metrics;
    this.store = store;
    this.registry = registry;
    this.engine = engine;
    this.http = http;
    this.scheduler = scheduler;
  }

  /** The dunning settings the config implies; links signed with a random key. */
  public static DunningSettings settings(HubConfig config) {
    return settings(config, null);
  }

  /**
   * The dunning settings the config implies.
   *
   * @param linkKey the key tracked links are signed with ({@link #linkKey}), or null
   */
  public static DunningSettings settings(HubConfig config, byte[] linkKey) {
    return new DunningSettings(
        config.policiesDir().orElse(null),
        null,
        brand(config.brand()),
        config.linkBase(),
        config
            .channels()
            .email()
            .map(s -> smtp(s, config.brand().replyTo().orElse(null)))
            .orElse(null),
        config
            .channels()
            .sms()
            .map(
                s ->
                    new DunningSettings.SmsSettings(
                        s.baseUrl().toString(), s.account(), s.token(), s.from()))
            .orElse(null),
        lettersDir(config),
        retry(config.outbox()),
        linkKey);
  }

  /**
   * The key tracked links are signed with: derived from the hub's secret key, stable across
   * restarts.
   */
  public static byte[] linkKey(SecretCipher cipher) {
    return cipher.derivedKey("tracked links");
  }

  static Brand brand(BrandConfig b) {
    return new Brand(
        b.name(),
        b.primaryColour(),
        b.accentColour(),
        b.logoUrl().orElse(null),
        b.replyTo().orElse(null),
        b.footer().orElse(null));
  }

  static RetryPolicy retry(OutboxConfig o) {
    return new RetryPolicy(o.first(), o.max(), o.maxAttempts(), RetryPolicy.DEFAULT.lease());
  }

  /**
   * The SMTP settings; {@code from} may carry a display name ({@code "Accounts Receivable
   * <ar@example.com>"}): the envelope gets the bare address, the header both.
   */
  static SmtpSettings smtp(ChannelsConfig.Smtp s, String replyTo) {
    jakarta.mail.internet.InternetAddress from;
    try {
      from = new jakarta.mail.internet.InternetAddress(s.from(), true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("channels.email.from: " + e.getMessage(), e);
    }
    return new SmtpSettings(
        s.host(),
        s.port(),
        SmtpSettings.Security.valueOf(s.security().name()),
        s.username().orElse(null),
        s.password().orElse(null),
        from.getAddress(),
        from.getPersonal(),
        replyTo,
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
            settings(config, linkKey(cipher.get())),
            name -> registry.get().connection(name),
            http.get(),
            this::syncAll,
            scheduler.nodeName());
    runtime.sweep().listen(metrics);
    runtime.relay().listen(metrics);
    return runtime;
  }

  /** One sync of every connection whose sync is enabled (added through the admin API too). */
  private void syncAll() {
    ConfigConnectionRegistry r = registry.get();
    for (String name : r.connections()) {
      if (r.find(name).map(c -> c.sync().enabled()).orElse(false)) {
        SyncReport report = engine.get().syncConnection(name);
        if (!report.ok()) {
          LOG.warn("sync {}", report);
        }
      }
    }
  }
}
