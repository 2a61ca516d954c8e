package io.dunhub.hub.dunning.policy;

/** How step offsets count days. */
public enum DayCounting {
  /** Every day counts. */
  CALENDAR,
  /** Only weekdays that are not public holidays in the party's country count. */
  BUSINESS
}
