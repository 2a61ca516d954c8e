package io.dunhub.hub.cli;

/** Placeholder until the benchmark is merged. */
final class BenchCommand {}
