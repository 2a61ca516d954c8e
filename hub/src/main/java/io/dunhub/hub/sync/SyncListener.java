package io.dunhub.hub.sync;

import io.dunhub.core.model.EntityType;
import java.time.Instant;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the page's transaction, which canonical records an inbound page created, changed or
 * deleted, so other features react in the same commit as the data (dunning re-evaluates the cases
 * of changed invoices and paid invoices at once). A listener that throws rolls the page back; the
 * page is read again on the next run.
 */
@FunctionalInterface
public interface SyncListener {

  /** Does nothing. */
  SyncListener NONE = (h, entity, ids, now) -> {};

  /**
   * @param ids the canonical ids of the records the page created, updated or deleted (never empty)
   */
  void changed(Handle h, EntityType entity, Set<String> ids, Instant now);
}
