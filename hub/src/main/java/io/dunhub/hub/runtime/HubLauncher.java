package io.dunhub.hub.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.hub.config.ConfigLoader;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.config.HubConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Hub} in two steps: a base injector with the clock, the environment and the
 * connector registry (enough to validate a config), then a child injector with every feature module
 * for the validated config.
 */
public final class HubLauncher {

  private final EnvLookup env;
  private final Clock clock;
  private final List<Module> baseModules;
  private final List<Module> overrides;
  private Injector base;

  /**
   * @param baseModules extra base modules, e.g. one that registers a test connector
   * @param overrides modules that replace feature bindings (tests: a faster scheduler)
   */
  public HubLauncher(EnvLookup env, Clock clock, List<Module> baseModules, List<Module> overrides) {
    this.env = env;
    this.clock = clock;
    this.baseModules = List.copyOf(baseModules);
    this.overrides = List.copyOf(overrides);
  }

  public HubLauncher(EnvLookup env, Clock clock) {
    this(env, clock, List.of(), List.of());
  }

  private synchronized Injector base() {
    if (base == null) {
      List<Module> modules = new ArrayList<>();
      modules.add(new ConfigModule.Base(env, clock));
      modules.add(new ConnectorsModule());
      modules.addAll(baseModules);
      base = Guice.createInjector(modules);
    }
    return base;
  }

  /** The registered connectors by id. */
  public Map<String, HostConnector> connectors() {
    return base().getInstance(Key.get(new TypeLiteral<Map<String, HostConnector>>() {}));
  }

  /** A loader that validates connections with the registered connectors. */
  public ConfigLoader configLoader() {
    return new ConfigLoader(env, connectors());
  }

  public EnvLookup env() {
    return env;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Reads and validates the config, then wires the hub; starts nothing.
   *
   * @throws io.dunhub.hub.config.ConfigException with every problem in the file
   */
  public Hub open(Path configFile, String nodeName) {
    HubConfig config = configLoader().load(configFile);
    Module features = Modules.override(HubModules.features(config, nodeName)).with(overrides);
    return new Hub(config, base().createChildInjector(features));
  }
}
