package io.dunhub.core.mapping;

import java.util.Objects;

/**
 * The text of one file the engine reads: a mapping or an object description.
 *
 * @param location where it came from, used in every problem ({@code /etc/dunhub/mappings/...} or
 *     {@code classpath:mappings/...})
 * @param system the system folder it was found in ({@code salesforce}), or null if unknown
 */
public record MappingDocument(String location, String system, String text) {
  public MappingDocument {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
  }
}
