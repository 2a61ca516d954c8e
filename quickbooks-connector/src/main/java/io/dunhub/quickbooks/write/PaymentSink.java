package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.Payment;
import com.intuit.ipp.services.QueryResult;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records money Dunhub collected as a QuickBooks {@code Payment} applied to the invoice(s) in its
 * {@code Line[].LinkedTxn} (which lowers their {@code Balance}). Payloads are QBO fields: {@code
 * CustomerRef}, {@code TotalAmt}, {@code TxnDate}, {@code CurrencyRef}, {@code Line}, {@code
 * PaymentRefNum}, {@code PrivateNote}.
 *
 * <p>The hub's own payment write-back (canonical payment plus {@code partyHostId} and {@code
 * invoiceHostIds}) is turned into those fields first; a failed payment, which QuickBooks has no
 * place for, becomes a note on the invoice instead.
 *
 * <p>Idempotent twice over: each create carries a {@code requestid} from the idempotency key, and
 * the payment carries a reference ({@code PaymentRefNum}, {@code DH-} plus a digest of the key
 * unless the mapping sets one) that is looked up first, in one query for up to 300 writes (ten
 * batches), so a write retried after its reply was lost — even in a batch made up differently,
 * which has another {@code requestid} — comes back {@link WriteOutcome.AlreadyApplied}.
 */
public final class PaymentSink implements RecordSink {

  private final QboGateway gateway;
  private final BatchCreate creator;
  private final ActivityNoteSink notes;

  public PaymentSink(QboGateway gateway, Duration throttleBackoff) {
    this.gateway = gateway;
    this.creator = new BatchCreate(gateway, "Payment", throttleBackoff);
    this.notes = new ActivityNoteSink(gateway, throttleBackoff);
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  /** How many references one look-up query asks for (its reply holds at most 1,000 rows). */
  static final int LOOKUP = 300;

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    List<WriteOutcome> outcomes = new ArrayList<>(requests.size());
    for (int from = 0; from < requests.size(); from += LOOKUP) {
      outcomes.addAll(chunk(requests.subList(from, Math.min(requests.size(), from + LOOKUP))));
    }
    return outcomes;
  }

  private List<WriteOutcome> chunk(List<WriteRequest> requests) {
    WriteOutcome[] outcomes = new WriteOutcome[requests.size()];
    List<String> refs = new ArrayList<>();
    List<ObjectNode> payloads = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest r = requests.get(i);
      ObjectNode payload = r.payload().deepCopy();
      if (HubWriteBacks.isCanonicalPayment(payload)) {
        if (HubWriteBacks.failed(payload)) {
          // QuickBooks keeps no failed payments: the failure becomes a note on the invoice
          outcomes[i] =
              notes.write(
                  new WriteRequest(
                      r.idempotencyKey(),
                      "Attachable",
                      null,
                      HubWriteBacks.failureNote(payload),
                      null));
          refs.add("");
          payloads.add(payload);
          continue;
        }
        try {
          payload = HubWriteBacks.payment(payload);
        } catch (PermanentException e) {
          outcomes[i] = new WriteOutcome.Permanent(e.getMessage());
        }
      }
      if (outcomes[i] == null && r.hostId() != null) {
        outcomes[i] =
            new WriteOutcome.Permanent(
                "Dunhub only creates QuickBooks payments; it does not change payment "
                    + r.hostId());
      } else if (outcomes[i] == null
          && (!payload.path("CustomerRef").has("value") || !payload.has("TotalAmt"))) {
        outcomes[i] =
            new WriteOutcome.Permanent(
                "a QuickBooks Payment needs CustomerRef.value and TotalAmt (key "
                    + r.idempotencyKey()
                    + ")");
      }
      String ref = payload.path("PaymentRefNum").asText("");
      if (ref.isBlank()) {
        ref = "DH-" + Writes.digest(r.idempotencyKey()).substring(0, 18);
        payload.put("PaymentRefNum", ref);
      }
      refs.add(ref);
      payloads.add(payload);
    }
    Map<String, String> existing;
    try {
      existing = existing(refs, outcomes);
    } catch (ConnectorException e) {
      WriteOutcome failed = Writes.outcome(e);
      List<WriteOutcome> out = new ArrayList<>();
      for (WriteOutcome o : outcomes) {
        out.add(o != null ? o : failed);
      }
      return out;
    }
    List<Integer> toCreate = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<IEntity> entities = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (outcomes[i] != null) {
        continue;
      }
      String id = existing.get(refs.get(i));
      if (id != null) {
        outcomes[i] = new WriteOutcome.AlreadyApplied(id);
        continue;
      }
      try {
        Payment payment = QboJson.fromJson("Payment", payloads.get(i));
        toCreate.add(i);
        keys.add(requests.get(i).idempotencyKey());
        entities.add(payment);
      } catch (PermanentException e) {
        outcomes[i] = new WriteOutcome.Permanent(e.getMessage());
      }
    }
    for (int from = 0; from < entities.size(); from += Writes.MAX_BATCH) {
      int to = Math.min(entities.size(), from + Writes.MAX_BATCH);
      List<WriteOutcome> created =
          creator.create(keys.subList(from, to), entities.subList(from, to));
      for (int j = from; j < to; j++) {
        outcomes[toCreate.get(j)] = created.get(j - from);
      }
    }
    return List.of(outcomes);
  }

  /** The payments that already carry one of {@code refs}: reference → id. */
  private Map<String, String> existing(List<String> refs, WriteOutcome[] skip) {
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (skip[i] == null) {
        wanted.add("'" + refs.get(i).replace("\\", "\\\\").replace("'", "\\'") + "'");
      }
    }
    Map<String, String> out = new HashMap<>();
    if (wanted.isEmpty()) {
      return out;
    }
    String where =
        wanted.size() == 1
            ? "PaymentRefNum = " + wanted.get(0)
            : "PaymentRefNum IN (" + String.join(", ", wanted) + ")";
    String query = "SELECT * FROM Payment WHERE " + where + " MAXRESULTS 1000";
    QueryResult result =
        gateway.call("look up earlier Payments by reference", null, ds -> ds.executeQuery(query));
    if (result.getEntities() != null) {
      for (IEntity e : result.getEntities()) {
        Payment p = (Payment) e;
        out.put(p.getPaymentRefNum(), p.getId());
      }
    }
    return out;
  }
}
