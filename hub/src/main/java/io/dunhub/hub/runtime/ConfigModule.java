package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import io.dunhub.hub.config.ChannelsConfig;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.config.HttpConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.OwnershipConfig;
import io.dunhub.hub.config.SchedulesConfig;
import java.time.Clock;

/** The validated configuration and its sections, the clock and the environment lookup. */
public final class ConfigModule extends AbstractModule {

  private final HubConfig config;

  public ConfigModule(HubConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(HubConfig.class).toInstance(config);
    bind(HttpConfig.class).toInstance(config.http());
    bind(ChannelsConfig.class).toInstance(config.channels());
    bind(SchedulesConfig.class).toInstance(config.schedules());
    bind(OwnershipConfig.class).toInstance(config.ownership());
  }

  /** Bound in the base injector, before the config is read. */
  static final class Base extends AbstractModule {
    private final EnvLookup env;
    private final Clock clock;

    Base(EnvLookup env, Clock clock) {
      this.env = env;
      this.clock = clock;
    }

    @Override
    protected void configure() {
      bind(EnvLookup.class).toInstance(env);
      bind(Clock.class).toInstance(clock);
    }
  }
}
