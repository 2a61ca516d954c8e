package io.dunhub.quickbooks.write;

import com.intuit.ipp.data.Invoice;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;

/**
 * Asks QuickBooks to email an invoice itself ({@code POST /invoice/{id}/send}), which sets its
 * {@code EmailStatus} to {@code EmailSent}. The request's host id is the invoice id; the payload
 * may name {@code sendTo}, else QuickBooks uses the invoice's {@code BillEmail}. The {@code
 * requestid} from the idempotency key keeps a retried send from mailing twice.
 */
public final class InvoiceEmailSink implements RecordSink {

  private final QboGateway gateway;

  public InvoiceEmailSink(QboGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    if (request.hostId() == null) {
      return new WriteOutcome.Permanent("an invoice email needs the invoice id (hostId)");
    }
    String sendTo = request.payload().path("sendTo").asText(null);
    Invoice invoice = new Invoice();
    invoice.setId(request.hostId());
    java.time.Instant started = gateway.clock().instant();
    try {
      Invoice sent =
          gateway.call(
              "send Invoice " + request.hostId() + " by email",
              Writes.requestId(request.idempotencyKey()),
              ds ->
                  sendTo == null || sendTo.isBlank()
                      ? ds.sendEmail(invoice)
                      : ds.sendEmail(invoice, sendTo));
      return Writes.outcome(sent, started, false);
    } catch (ConnectorException e) {
      return Writes.outcome(e);
    }
  }
}
