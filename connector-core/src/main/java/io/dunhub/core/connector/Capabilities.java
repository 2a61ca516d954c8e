package io.dunhub.core.connector;

import java.util.List;
import java.util.Optional;

/**
 * What a connector can do.
 *
 * @param maxReadPage the largest page one read returns
 */
public record Capabilities(
    List<StreamSpec> streams, List<SinkSpec> sinks, int maxReadPage, RateLimit rateLimit) {
  public Capabilities {
    streams = List.copyOf(streams);
    sinks = List.copyOf(sinks);
  }

  public Optional<StreamSpec> stream(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<SinkSpec> sink(String hostObject) {
    return sinks.stream().filter(s -> s.hostObject().equals(hostObject)).findFirst();
  }
}
