package io.dunhub.core.http.reference;

import io.dunhub.core.contract.ConnectorContractTest;
import io.dunhub.core.contract.ConnectorFixture;

/**
 * The HTTP plumbing meets the connector contract: a minimal connector built with {@link
 * io.dunhub.core.http.HttpClientFactory} passes every contract test over real HTTP.
 */
class ReferenceHttpConnectorContractTest extends ConnectorContractTest {

  @Override
  protected ConnectorFixture createFixture() {
    return new ReferenceHttpConnectorFixture();
  }
}
