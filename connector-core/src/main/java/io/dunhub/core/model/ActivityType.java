package io.dunhub.core.model;

/** What happened on a dunning case. */
public enum ActivityType {
  NOTICE_SENT,
  NOTICE_FAILED,
  PAYMENT_RECEIVED,
  PAYMENT_FAILED,
  DISPUTE_OPENED,
  DISPUTE_RESOLVED,
  PROMISE_TO_PAY,
  PROMISE_BROKEN,
  HOLD_PLACED,
  HOLD_RELEASED,
  ESCALATED,
  FEE_APPLIED,
  HANDED_TO_COLLECTIONS,
  THANK_YOU_SENT,
  /** The recipient's mail client loaded the open pixel of a notice (first load only). */
  NOTICE_OPENED,
  /** The recipient followed the tracked payment link of a notice (first click only). */
  LINK_CLICKED,
  /** The recipient unsubscribed from notices on a channel. */
  OPTED_OUT,
  NOTE
}
