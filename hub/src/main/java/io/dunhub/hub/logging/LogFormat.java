package io.dunhub.hub.logging;

/** How log lines are written: {@code key=value} for people and grep, JSON for log pipelines. */
public enum LogFormat {
  TEXT,
  JSON
}
