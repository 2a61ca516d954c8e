package io.dunhub.hub.dunning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads the canonical JSON the store keeps in each record's {@code data} column into the model
 * records, and writes the JSON payloads of dunning's own rows.
 */
public final class CanonicalReader {

  /** The store's own canonical JSON mapper, so dunning reads exactly what sync writes. */
  private static final ObjectMapper MAPPER = io.dunhub.hub.sync.CanonicalJson.mapper();

  private CanonicalReader() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a stored record; the message names the table and id when the JSON is unreadable. */
  public static <T> T read(String json, Class<T> type, String where) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException(
          where + ": stored record is unreadable: " + e.getMessage(), e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
