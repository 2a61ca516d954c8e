package io.dunhub.hub.dunning.policy;

/** What a step does. */
public enum ActionKind {
  /** A reminder through one or more channels. */
  NOTICE,
  /** A late fee or statutory interest added to what the customer owes. */
  LATE_FEE,
  /** A human task for the account owner or a queue. */
  TASK,
  /** The formal last notice, with a PDF letter for the record. */
  FINAL_NOTICE,
  /** Hand-over to collections: a task plus a flag; dunning stops. */
  COLLECTIONS
}
