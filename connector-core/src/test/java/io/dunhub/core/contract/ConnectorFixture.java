package io.dunhub.core.contract;

import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a connector supplies to run {@link ConnectorContractTest} against its sandbox. One fixture
 * serves one test: the contract calls {@link #start} once, then the other methods, then {@link
 * #close}.
 *
 * <p>"A host call" below means one API request the host serves for the connection (token endpoint
 * calls excluded). Faults are consumed in order by the next host calls, whatever they are.
 *
 * <p>A fixture that cannot exercise a behaviour says so in {@link #unsupported()}; the tests that
 * need it are skipped with the reason shown. Methods of an unsupported feature are never called.
 */
public interface ConnectorFixture extends AutoCloseable {

  /** The connector under test. */
  HostConnector connector();

  /**
   * Starts (or resets) an empty host and returns the settings of a connection to it, named {@link
   * ContractEnvironment#connection()}. An OAuth fixture also stores the connection's first token in
   * {@link ContractEnvironment#tokens()}.
   */
  ConnectionSettings start(ContractEnvironment env);

  /** Opens the connection; the default is {@code connector().open(context)}. */
  default Connection open(ConnectionContext context) {
    return connector().open(context);
  }

  /** The readable stream the paging tests use, e.g. {@code Invoice} or {@code Account}. */
  String stream();

  /**
   * Creates one record of {@link #stream()} per instant, each last modified exactly then (several
   * instants may be equal; all are whole minutes), and returns their host ids in the same order.
   */
  List<String> seed(List<Instant> lastModified);

  /** Changes a seeded record as a person in the host would, last modified at {@code at}. */
  void modify(String hostId, Instant at);

  /**
   * A write that creates one new record, carrying {@code idempotencyKey}. Two calls with the same
   * key must describe the same record.
   */
  WriteRequest newWrite(String idempotencyKey);

  /** How many records of {@code hostObject} the host holds now. */
  long countRecords(String hostObject);

  /** Makes the host reject the connection's current access token (401) until it refreshes. */
  void expireToken();

  /** The next host call answers 429 with {@code Retry-After} (in seconds). */
  void injectRateLimit(Duration retryAfter);

  /** The next {@code times} host calls answer with a server error (500, 502 or 503). */
  void injectServerError(int times);

  /**
   * The next host call fails for good (a validation error, 400 or the host's equivalent).
   *
   * @return the host's message, which must reach the caller
   */
  String injectPermanentError();

  /** Host calls served so far (see the class comment). */
  long hostCalls();

  /** Token refreshes the host's token endpoint has granted so far. */
  long tokenRefreshes();

  /** The page size the paging tests use; small so pages split runs of equal timestamps. */
  default int smallPage() {
    return 3;
  }

  /** Features this fixture cannot exercise, each with the reason shown when its tests skip. */
  default Map<ContractFeature, String> unsupported() {
    return Map.of();
  }

  /** Stops the host (or leaves a shared one for the next test to reset). */
  @Override
  default void close() {}
}
