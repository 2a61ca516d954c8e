package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.netsuite.NetSuiteConnector;
import io.dunhub.quickbooks.QuickBooksConnector;
import io.dunhub.salesforce.SalesforceConnector;

/**
 * The connector registry: a {@code Map<String, HostConnector>} keyed by connector id. Adding a
 * connector is one line here: {@code connectors(binder()).addBinding(SalesforceConnector.ID)
 * .to(SalesforceConnector.class);}.
 */
public final class ConnectorsModule extends AbstractModule {

  /** The registry's map binder, for modules that add connectors. */
  public static MapBinder<String, HostConnector> connectors(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, HostConnector.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, HostConnector> connectors = connectors(binder());
    connectors.addBinding(InMemoryConnector.ID).to(InMemoryConnector.class);
    connectors.addBinding(SalesforceConnector.ID).to(SalesforceConnector.class);
    connectors.addBinding(QuickBooksConnector.ID).to(QuickBooksConnector.class);
    connectors.addBinding(NetSuiteConnector.ID).to(NetSuiteConnector.class);
  }
}
