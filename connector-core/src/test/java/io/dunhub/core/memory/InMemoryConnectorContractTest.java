package io.dunhub.core.memory;

import io.dunhub.core.contract.ConnectorContractTest;
import io.dunhub.core.contract.ConnectorFixture;

/** The in-memory connector passes the connector contract. */
class InMemoryConnectorContractTest extends ConnectorContractTest {

  @Override
  protected ConnectorFixture createFixture() {
    return new InMemoryConnectorFixture();
  }
}
