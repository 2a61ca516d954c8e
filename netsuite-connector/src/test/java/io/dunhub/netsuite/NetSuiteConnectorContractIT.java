package io.dunhub.netsuite;

import io.dunhub.core.contract.ConnectorContractTest;
import io.dunhub.core.contract.ConnectorFixture;

/** The NetSuite connector passes the shared connector contract against its sandbox. */
class NetSuiteConnectorContractIT extends ConnectorContractTest {
  @Override
  protected ConnectorFixture createFixture() {
    return new NetSuiteSandboxFixture();
  }
}
