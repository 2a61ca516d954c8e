package io.dunhub.quickbooks.write;

import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's activity write-back (host object {@code Activity}): each notice, failure or other
 * dunning event as a note {@code Attachable} on the invoice and the customer in QuickBooks (see
 * {@link HubWriteBacks#note}), written by {@link ActivityNoteSink} with the same idempotency.
 */
public final class ActivityWriteBackSink implements RecordSink {

  private final ActivityNoteSink notes;

  public ActivityWriteBackSink(ActivityNoteSink notes) {
    this.notes = notes;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    List<WriteRequest> asNotes = new ArrayList<>(requests.size());
    for (WriteRequest r : requests) {
      asNotes.add(
          new WriteRequest(
              r.idempotencyKey(), "Attachable", null, HubWriteBacks.note(r.payload()), null));
    }
    return notes.writeBatch(asNotes);
  }
}
