package io.dunhub.core.mapping;

import io.dunhub.core.mapping.internal.Loader;

/**
 * Loads mapping folders into compiled mappings.
 *
 * <p>Defaults (shipped in the {@code mappings} module) and the integrator's folder are read, a user
 * file for the same system and object replaces or extends the default ({@code merge: replace} or
 * {@code merge: extend}), every file is checked against the canonical model, the transform registry
 * and the host object's description, and each is compiled once into accessors that map a record
 * without reflection or path parsing. Every problem is reported at once, with file, line and
 * column; a file with an error is left out of the set, the others are usable.
 */
public final class MappingEngine {
  private MappingEngine() {}

  /**
   * Loads and compiles.
   *
   * @param defaults the shipped defaults (or {@link MappingSource#empty()})
   * @param user the integrator's files (or {@link MappingSource#empty()})
   * @param live descriptions a connector provides live (Salesforce {@code describeSObject}), used
   *     before the recorded ones; {@link ObjectDescriptions#none()} when offline
   */
  public static MappingSet load(
      MappingSource defaults, MappingSource user, ObjectDescriptions live) {
    return Loader.load(defaults, user, live);
  }

  /** Loads and compiles without live descriptions. */
  public static MappingSet load(MappingSource defaults, MappingSource user) {
    return load(defaults, user, ObjectDescriptions.none());
  }
}
