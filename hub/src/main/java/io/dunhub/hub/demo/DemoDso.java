package io.dunhub.hub.demo;

import java.util.Optional;

/** DSO before and after a run, from the hub's reports when they are part of the build. */
final class DemoDso {

  private DemoDso() {}

  static Optional<DemoSummary.Dso> compute(DemoSession session) {
    return Optional.empty();
  }
}
