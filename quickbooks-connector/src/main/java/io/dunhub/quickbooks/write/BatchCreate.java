package io.dunhub.quickbooks.write;

import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.OperationEnum;
import com.intuit.ipp.services.BatchOperation;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.quickbooks.internal.QboGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates entities in as few calls as QBO allows: one {@code add} for a single entity, one {@code
 * BatchOperation} per 30 otherwise, each call carrying a {@code requestid} derived from the writes'
 * idempotency keys. A record QuickBooks reports from an earlier call with the same {@code
 * requestid} is {@link WriteOutcome.AlreadyApplied} (see {@link Writes#outcome}).
 */
final class BatchCreate {

  private static final Set<String> RETRYABLE_CODES = Set.of("3001", "10000", "3003");

  private final QboGateway gateway;
  private final String entityName;
  private final Duration throttleBackoff;

  BatchCreate(QboGateway gateway, String entityName, Duration throttleBackoff) {
    this.gateway = gateway;
    this.entityName = entityName;
    this.throttleBackoff = throttleBackoff;
  }

  /** Creates {@code entities} (at most 30), keyed by {@code keys}; outcomes in the same order. */
  List<WriteOutcome> create(List<String> keys, List<IEntity> entities) {
    List<WriteOutcome> out = new ArrayList<>(entities.size());
    Instant started = gateway.clock().instant();
    try {
      if (entities.size() == 1) {
        IEntity created =
            gateway.call(
                "create " + entityName,
                Writes.requestId(keys.get(0)),
                ds -> ds.add(entities.get(0)));
        out.add(Writes.outcome(created, started, true));
        return out;
      }
      BatchOperation batch = new BatchOperation();
      for (int i = 0; i < entities.size(); i++) {
        batch.addEntity(entities.get(i), OperationEnum.CREATE, "b" + i);
      }
      gateway.call(
          "create " + entities.size() + " " + entityName + " records in a batch",
          Writes.batchRequestId(keys),
          ds -> {
            ds.executeBatch(batch);
            return batch;
          });
      for (int i = 0; i < entities.size(); i++) {
        String bId = "b" + i;
        if (batch.isFault(bId)) {
          String code = Writes.faultCode(batch.getFault(bId));
          String text =
              entityName + " was refused by QuickBooks: " + Writes.faultText(batch.getFault(bId));
          out.add(
              RETRYABLE_CODES.contains(code)
                  ? new WriteOutcome.Retryable(text, "3001".equals(code) ? throttleBackoff : null)
                  : new WriteOutcome.Permanent(text));
        } else if (batch.getEntity(bId) != null) {
          out.add(Writes.outcome(batch.getEntity(bId), started, true));
        } else {
          out.add(
              new WriteOutcome.Retryable(
                  "QuickBooks did not answer for batch item " + bId + " (" + entityName + ")",
                  null));
        }
      }
      return out;
    } catch (ConnectorException e) {
      WriteOutcome failed = Writes.outcome(e);
      while (out.size() < entities.size()) {
        out.add(failed);
      }
      return out;
    }
  }
}
