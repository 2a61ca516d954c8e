package io.dunhub.core.connector;

import java.util.ArrayList;
import java.util.List;

/** Writes records of one host object, idempotently. */
public interface RecordSink {

  /** Writes one record. Host-side failures are outcomes, not exceptions. */
  WriteOutcome write(WriteRequest request);

  /**
   * Writes several records, in as few host calls as the host allows. The outcomes line up with the
   * requests. The default writes them one by one.
   */
  default List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    List<WriteOutcome> outcomes = new ArrayList<>(requests.size());
    for (WriteRequest request : requests) {
      outcomes.add(write(request));
    }
    return outcomes;
  }
}
