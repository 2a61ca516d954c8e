package io.dunhub.hub.testing;

/** Which database a {@link StoreTest} invocation runs on. */
public enum StoreKind {
  HSQLDB,
  POSTGRESQL
}
