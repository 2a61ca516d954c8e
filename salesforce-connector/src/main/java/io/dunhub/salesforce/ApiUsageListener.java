package io.dunhub.salesforce;

/**
 * Hears every new API usage reading of a connection; the hub turns it into gauges (used, limit,
 * share) and a counter of calls. Called on the calling thread: keep it quick.
 */
@FunctionalInterface
public interface ApiUsageListener {
  void onUsage(ApiUsage usage);
}
