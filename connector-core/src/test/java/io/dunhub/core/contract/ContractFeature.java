package io.dunhub.core.contract;

/**
 * A behaviour of {@link ConnectorContractTest} that a fixture may be unable to exercise. A fixture
 * names those it cannot do in {@link ConnectorFixture#unsupported()}, each with a reason; their
 * tests are then skipped and the reason shows in the test report.
 */
public enum ContractFeature {
  /** {@link ConnectorFixture#modify}: change a record and set its last-modified time. */
  MODIFY,
  /** {@link ConnectorFixture#newWrite} and {@link ConnectorFixture#countRecords}. */
  IDEMPOTENT_WRITE,
  /** {@link ConnectorFixture#expireToken} and {@link ConnectorFixture#tokenRefreshes}. */
  TOKEN_REFRESH,
  /** {@link ConnectorFixture#injectRateLimit}. */
  RATE_LIMIT,
  /** {@link ConnectorFixture#injectServerError}. */
  SERVER_ERROR,
  /** {@link ConnectorFixture#injectPermanentError}. */
  PERMANENT_ERROR
}
