package io.dunhub.core.http;

import okhttp3.Response;

/**
 * Reads a host's error out of a failed response. Each connector plugs in one that knows its host's
 * error format; {@link JsonHostErrorExtractor} reads the common shapes.
 */
@FunctionalInterface
public interface HostErrorExtractor {

  /**
   * @param response the failed response (its body must not be read: use {@code body})
   * @param body the start of the response body, possibly empty
   */
  HostError extract(Response response, String body);
}
