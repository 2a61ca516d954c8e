package io.dunhub.hub.mapping;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.mappings.DefaultMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mappings a running hub uses: the shipped defaults, overridden by the integrator's folder (the
 * {@code mappings} setting of the hub's config). A hub does not start on broken mappings: every
 * error is reported at once, with file, line and column; warnings are logged.
 */
public final class HubMappings {
  private static final Logger LOG = LoggerFactory.getLogger(HubMappings.class);

  private HubMappings() {}

  /**
   * Loads and compiles.
   *
   * @param dir the integrator's folder, or null for the defaults alone
   * @throws ConfigurationException listing every error when a mapping does not compile
   */
  public static MappingSet load(Path dir, ObjectDescriptions live) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new ConfigurationException("mapping folder " + dir + " does not exist");
    }
    MappingSource user = dir == null ? MappingSource.empty() : MappingSource.fromDirectory(dir);
    MappingSet set = DefaultMappings.load(user, live);
    for (MappingProblem w : set.warnings()) {
      LOG.warn("{}", w);
    }
    if (set.hasErrors()) {
      throw new ConfigurationException(
          set.errors().size()
              + " error(s) in the field mappings:\n"
              + set.errors().stream()
                  .map(MappingProblem::toString)
                  .collect(Collectors.joining("\n")));
    }
    return set;
  }
}
