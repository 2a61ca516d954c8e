package io.dunhub.quickbooks;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.http.ConnectionThrottle;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.core.http.Retrier;
import io.dunhub.core.http.RetryPolicy;
import io.dunhub.core.http.Sleeper;
import io.dunhub.quickbooks.internal.QboErrors;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboTokens;
import io.dunhub.quickbooks.read.CdcFeed;
import io.dunhub.quickbooks.read.QboSourceStream;
import io.dunhub.quickbooks.read.QueryPages;
import io.dunhub.quickbooks.write.ActivityNoteSink;
import io.dunhub.quickbooks.write.ActivityWriteBackSink;
import io.dunhub.quickbooks.write.CustomerContactSink;
import io.dunhub.quickbooks.write.InvoiceEmailSink;
import io.dunhub.quickbooks.write.InvoicePrivateNoteSink;
import io.dunhub.quickbooks.write.PaymentSink;
import java.time.Duration;

/** One QuickBooks company (realm): its streams and sinks over one shared gateway. */
final class QuickBooksConnection implements Connection {

  private final QuickBooksSettings settings;
  private final QboGateway gateway;
  private final CdcFeed cdc;
  private final QueryPages pages;

  QuickBooksConnection(ConnectionContext context) {
    this.settings = QuickBooksSettings.from(context.settings());
    QboErrors errors = new QboErrors(settings.connection(), settings.throttleBackoff());
    Sleeper sleeper = Sleeper.forClock(context.clock());
    ConnectionThrottle throttle =
        ConnectionThrottles.shared()
            .forConnection(
                settings.connection(),
                new RateLimit(
                    settings.requestsPerMinute(), Duration.ofMinutes(1), settings.maxConcurrent()),
                context.clock(),
                sleeper);
    Retrier retrier =
        new Retrier(
            RetryPolicy.defaults().withMaxElapsed(Duration.ofMinutes(3)),
            throttle,
            context.clock(),
            sleeper);
    QboTokens tokens =
        new QboTokens(
            settings.connection(),
            context.tokens(),
            context.clock(),
            settings.clientId(),
            settings.clientSecret(),
            settings.tokenUrl(),
            errors);
    this.gateway = new QboGateway(settings, tokens, retrier, errors, context.clock());
    this.cdc = new CdcFeed(gateway, context.clock());
    this.pages = new QueryPages(gateway, context.clock(), settings.connection());
  }

  QuickBooksSettings settings() {
    return settings;
  }

  QboGateway gateway() {
    return gateway;
  }

  /** Stops fetching pages ahead. */
  @Override
  public void close() {
    pages.close();
  }

  @Override
  public String name() {
    return settings.connection();
  }

  @Override
  public SourceStream source(String stream) {
    if (QuickBooksConnector.STREAMS.stream().noneMatch(s -> s.name().equals(stream))) {
      throw new ConfigurationException(
          name() + ": QuickBooks has no stream '" + stream + "' (Customer, Invoice, Payment)");
    }
    return new QboSourceStream(stream, pages, cdc);
  }

  @Override
  public RecordSink sink(String hostObject) {
    switch (hostObject) {
      case "Customer":
        return CustomerContactSink.forCustomers(gateway);
      case "CustomerContact":
        return CustomerContactSink.forContacts(gateway);
      case "Payment":
        return new PaymentSink(gateway, settings.throttleBackoff());
      case "Attachable":
        return new ActivityNoteSink(gateway, settings.throttleBackoff());
      case "Activity":
        return new ActivityWriteBackSink(new ActivityNoteSink(gateway, settings.throttleBackoff()));
      case "InvoiceEmail":
        return new InvoiceEmailSink(gateway);
      case "InvoicePrivateNote":
        if (!settings.privateNoteEnabled()) {
          throw new ConfigurationException(
              name()
                  + ": writing to invoice PrivateNote is off; set "
                  + QuickBooksSettings.PRIVATE_NOTE
                  + ": true to allow it (it bumps the invoice's SyncToken)");
        }
        return new InvoicePrivateNoteSink(gateway);
      default:
        throw new ConfigurationException(
            name()
                + ": QuickBooks cannot write '"
                + hostObject
                + "' (Customer, CustomerContact, Payment, Attachable, Activity, InvoiceEmail, InvoicePrivateNote)");
    }
  }
}
