package io.dunhub.hub.runtime;

import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.mappings.DefaultMappings;

/** The mappings a config uses: the built-in defaults, overridden by the config's mapping folder. */
public final class HubMappings {

  private HubMappings() {}

  /** Loads and compiles them; problems are in the set, not thrown. */
  public static MappingSet load(HubConfig config) {
    MappingSource user =
        config.mappingsDir().map(MappingSource::fromDirectory).orElse(MappingSource.empty());
    return DefaultMappings.load(user, ObjectDescriptions.none());
  }
}
