package io.dunhub.hub.cli;

/** Placeholder until the sync engine is merged. */
final class SyncCommand {}
