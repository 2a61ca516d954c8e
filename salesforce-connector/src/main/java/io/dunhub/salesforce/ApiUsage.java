package io.dunhub.salesforce;

import java.time.Instant;

/**
 * The org's API usage as Salesforce last reported it (the {@code LimitInfoHeader} of a SOAP reply,
 * the same figures as {@code Sforce-Limit-Info: api-usage=used/limit}).
 *
 * @param used API requests the whole org has made in the last 24 hours
 * @param limit the org's daily allowance
 * @param connectionCalls API calls this connection has made since it was opened
 * @param at when the reading was taken
 */
public record ApiUsage(long used, long limit, long connectionCalls, Instant at) {

  /** The share of the daily allowance used, from 0 to 1 (and above when Salesforce lets it). */
  public double share() {
    return limit <= 0 ? 0 : (double) used / limit;
  }
}
