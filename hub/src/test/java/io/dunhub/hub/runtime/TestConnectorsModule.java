package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import io.dunhub.hub.config.VaultConnector;

/** Registers the test-only {@link VaultConnector} beside the real connectors. */
public final class TestConnectorsModule extends AbstractModule {
  @Override
  protected void configure() {
    ConnectorsModule.connectors(binder()).addBinding(VaultConnector.ID).to(VaultConnector.class);
  }
}
