package io.dunhub.hub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one sync did. A report of a whole connection lists its streams' reports in {@code parts} and
 * sums their counts.
 *
 * @param read host records read (inbound) or canonical changes considered (outbound)
 * @param created canonical records created
 * @param updated canonical records changed
 * @param unchanged records read that changed nothing
 * @param echoes records that were the hub's own writes coming back
 * @param deleted canonical records marked deleted
 * @param conflicts changes to fields another connection owns, recorded and not applied
 * @param parked records parked (mapping or write failed)
 * @param retried parked records that went through on a retry
 * @param written records written to the host
 * @param error why the run stopped early, or null when it finished
 */
public record SyncReport(
    String connection,
    String stream,
    Instant startedAt,
    Instant finishedAt,
    long pages,
    long read,
    long created,
    long updated,
    long unchanged,
    long echoes,
    long deleted,
    long conflicts,
    long parked,
    long retried,
    long written,
    String error,
    List<SyncReport> parts) {

  public SyncReport {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** Whether the run finished without an error (parked records are not errors). */
  public boolean ok() {
    return error == null && parts.stream().allMatch(SyncReport::ok);
  }

  /** The reports of the streams that stopped early. */
  public List<SyncReport> failures() {
    return parts.isEmpty()
        ? (error == null ? List.of() : List.of(this))
        : parts.stream().filter(p -> p.error() != null).toList();
  }

  public Duration elapsed() {
    return Duration.between(startedAt, finishedAt);
  }

  /** Sums the reports of a connection's streams. */
  static SyncReport combine(
      String connection, Instant startedAt, Instant finishedAt, List<SyncReport> parts) {
    long[] s = new long[12];
    for (SyncReport r : parts) {
      s[0] += r.pages;
      s[1] += r.read;
      s[2] += r.created;
      s[3] += r.updated;
      s[4] += r.unchanged;
      s[5] += r.echoes;
      s[6] += r.deleted;
      s[7] += r.conflicts;
      s[8] += r.parked;
      s[9] += r.retried;
      s[10] += r.written;
    }
    String error =
        parts.stream().map(SyncReport::error).filter(e -> e != null).findFirst().orElse(null);
    return new SyncReport(
        connection,
        "*",
        startedAt,
        finishedAt,
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        s[5],
        s[6],
        s[7],
        s[8],
        s[9],
        s[10],
        error,
        parts);
  }

  @Override
  public String toString() {
    return connection
        + "/"
        + stream
        + ": read "
        + read
        + ", created "
        + created
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", echoes "
        + echoes
        + ", deleted "
        + deleted
        + ", conflicts "
        + conflicts
        + ", parked "
        + parked
        + ", retried "
        + retried
        + ", written "
        + written
        + (error == null ? "" : ", stopped: " + error);
  }
}
