package io.dunhub.mappings;

import io.dunhub.core.mapping.MappingEngine;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The mapping files Dunhub ships for Salesforce, QuickBooks Online, NetSuite and the in-memory
 * host, with recorded descriptions of the host objects they use and the JSON Schema of the format.
 * Integrators override them with their own folder of the same layout.
 */
public final class DefaultMappings {

  /** The classpath folder holding the defaults. */
  public static final String ROOT = "mappings";

  /** The JSON Schema of the mapping format, beside the defaults. */
  public static final String SCHEMA = ROOT + "/dunhub-mapping.schema.json";

  private DefaultMappings() {}

  /** The shipped files. */
  public static MappingSource source() {
    return MappingSource.fromClasspath(DefaultMappings.class.getClassLoader(), ROOT);
  }

  /** The defaults merged with a user's folder and compiled. */
  public static MappingSet load(MappingSource user, ObjectDescriptions live) {
    return MappingEngine.load(source(), user, live);
  }

  /** The defaults alone, compiled. */
  public static MappingSet load() {
    return load(MappingSource.empty(), ObjectDescriptions.none());
  }

  /** The JSON Schema text, for writing next to a user's mapping folder. */
  public static String schema() {
    try (InputStream in = DefaultMappings.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("the mapping schema is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
