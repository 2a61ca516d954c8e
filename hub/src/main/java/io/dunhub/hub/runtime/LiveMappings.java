package io.dunhub.hub.runtime;

import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.hub.admin.mapping.MappingChanges;
import io.dunhub.hub.config.HubConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts mappings saved through the admin API to use at once: the hub loads its mappings again (the
 * defaults under the config's folder, as at start) and the sync uses them from its next page; the
 * streams of connections added through the API are scheduled again (a new mapping may add one).
 * With a problem in the folder the running mappings stay and the problem is thrown.
 */
@Singleton
final class LiveMappings implements MappingChanges {

  private static final Logger LOG = LoggerFactory.getLogger(LiveMappings.class);

  private final HubConfig config;
  private final Provider<ConfigConnectionRegistry> registry;
  private final AddedConnectionTasks added;

  @Inject
  LiveMappings(
      HubConfig config, Provider<ConfigConnectionRegistry> registry, AddedConnectionTasks added) {
    this.config = config;
    this.registry = registry;
    this.added = added;
  }

  @Override
  public void saved(MappingSet saved) {
    MappingSet set = HubMappings.load(config);
    if (set.hasErrors()) {
      throw new IllegalStateException(
          "the mappings folder has problems; the running mappings stay:\n  "
              + set.errors().stream()
                  .map(MappingProblem::toString)
                  .collect(Collectors.joining("\n  ")));
    }
    registry.get().replaceMappings(set);
    added.mappingsChanged();
    LOG.info("mappings reloaded: {} mapping(s)", set.mappings().size());
  }
}
