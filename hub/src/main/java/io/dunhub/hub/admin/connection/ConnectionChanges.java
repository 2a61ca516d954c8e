package io.dunhub.hub.admin.connection;

/**
 * Told when a connection is added, changed or removed through the API, after the store has it: the
 * running hub's sync follows at once (bound by the sync; without it, nothing happens until the next
 * start).
 */
public interface ConnectionChanges {

  void changed(String connection);

  ConnectionChanges NONE = connection -> {};
}
