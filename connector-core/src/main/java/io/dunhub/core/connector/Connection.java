package io.dunhub.core.connector;

/** One org, realm or account with its credentials. Thread-safe; closed by the hub. */
public interface Connection extends AutoCloseable {

  /** The configured connection name. */
  String name();

  /**
   * The stream of one readable host object.
   *
   * @throws ConfigurationException when the connector does not read that stream
   */
  SourceStream source(String stream);

  /**
   * The sink for one writable host object.
   *
   * @throws ConfigurationException when the connector does not write that object
   */
  RecordSink sink(String hostObject);

  @Override
  default void close() {}
}
