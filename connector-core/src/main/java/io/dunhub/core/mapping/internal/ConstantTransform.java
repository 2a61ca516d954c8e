package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code constant}: always the same value. Inbound it fills the canonical field whatever the host
 * says; outbound it writes the host field ({@code Status: Completed} on a Salesforce task).
 */
final class ConstantTransform implements Transform {
  private final Object canonical;
  private final JsonNode host;

  ConstantTransform(Object canonical, JsonNode host) {
    this.canonical = canonical;
    this.host = host;
  }

  @Override
  public String name() {
    return "constant";
  }

  @Override
  public int hostPaths() {
    return 0;
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) {
    return canonical;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) {
    return host;
  }
}
