package io.dunhub.core.connector;

import java.util.Objects;

/**
 * Where a stream's read has got to. Its meaning belongs to the connector (a timestamp and an id, a
 * CDC time, a query cursor); the hub only stores it and hands it back.
 */
public record Watermark(String value) {
  public Watermark {
    Objects.requireNonNull(value, "watermark value");
  }

  @Override
  public String toString() {
    return value;
  }
}
