package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.Attachable;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each dunning activity as a note {@code Attachable} linked to the invoice (and the
 * customer): {@code {"Note": "...", "AttachableRef": [{"EntityRef": {"type": "Invoice", "value":
 * "130"}}, ...]}}. Notes do not touch the invoice, so they never contend for its {@code SyncToken}.
 * A note longer than QBO's 2,000 characters is cut with an ellipsis (the whole text stays in
 * Dunhub's activity log). Creates go 30 to a batch, each call with a {@code requestid} from the
 * keys.
 */
public final class ActivityNoteSink implements RecordSink {

  static final int MAX_NOTE = 2000;

  private final BatchCreate creator;

  public ActivityNoteSink(QboGateway gateway, Duration throttleBackoff) {
    this.creator = new BatchCreate(gateway, "Attachable", throttleBackoff);
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    List<WriteOutcome> outcomes = new ArrayList<>(requests.size());
    for (int from = 0; from < requests.size(); from += Writes.MAX_BATCH) {
      List<WriteRequest> chunk =
          requests.subList(from, Math.min(requests.size(), from + Writes.MAX_BATCH));
      WriteOutcome[] out = new WriteOutcome[chunk.size()];
      List<Integer> index = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<IEntity> notes = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        try {
          notes.add(note(chunk.get(i)));
          index.add(i);
          keys.add(chunk.get(i).idempotencyKey());
        } catch (PermanentException e) {
          out[i] = new WriteOutcome.Permanent(e.getMessage());
        }
      }
      if (!notes.isEmpty()) {
        List<WriteOutcome> created = creator.create(keys, notes);
        for (int j = 0; j < index.size(); j++) {
          out[index.get(j)] = created.get(j);
        }
      }
      outcomes.addAll(List.of(out));
    }
    return outcomes;
  }

  private static Attachable note(WriteRequest request) {
    if (request.hostId() != null) {
      throw new PermanentException("activity notes are only created, never changed");
    }
    ObjectNode payload = request.payload().deepCopy();
    String text = payload.path("Note").asText("");
    if (text.isBlank()) {
      throw new PermanentException(
          "an activity note needs a Note text (key " + request.idempotencyKey() + ")");
    }
    if (!payload.has("AttachableRef") || payload.get("AttachableRef").isEmpty()) {
      throw new PermanentException(
          "an activity note must link to an invoice or customer (AttachableRef), key "
              + request.idempotencyKey());
    }
    if (text.length() > MAX_NOTE) {
      payload.put("Note", text.substring(0, MAX_NOTE - 1) + "…");
    }
    return QboJson.fromJson("Attachable", payload);
  }
}
