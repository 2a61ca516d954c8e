package io.dunhub.hub.admin.connection;

import java.util.OptionalLong;

/**
 * How many host API calls a connection made in its connector's rate-limit window. Bound by the
 * feature that counts calls (the metrics); without one, usage is shown as unknown.
 */
public interface ApiUsage {

  OptionalLong used(String connection);

  ApiUsage UNKNOWN = connection -> OptionalLong.empty();
}
