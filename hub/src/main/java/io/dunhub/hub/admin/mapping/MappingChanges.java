package io.dunhub.hub.admin.mapping;

import io.dunhub.core.mapping.MappingSet;

/**
 * Told when a mapping file is saved through the API, with the compiled set (free of errors) as it
 * is on disk now: the running sync uses it from its next page (bound by the sync).
 */
public interface MappingChanges {

  void saved(MappingSet mappings);

  MappingChanges NONE = mappings -> {};
}
