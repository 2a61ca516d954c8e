package io.dunhub.netsuite.internal;

import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.Watermark;

/**
 * Where a stream's read has got to, in two keysets: the live records' {@code "yyyy-MM-dd
 * HH:mm:ss|id"} (last-modified time in the integration user's zone, internal id; empty at the
 * start) and, after {@code ";deleted:"}, the deletions' {@code "yyyy-MM-dd HH:mm:ss|recordid"} from
 * {@code DeletedRecord}. A watermark stored before deletions were read has no deletion part: its
 * deletions are read from its live time on.
 *
 * @param liveTime null at the start
 * @param deletedTime null when the watermark has no deletion part
 */
record StreamWatermark(String liveTime, long liveId, String deletedTime, long deletedId) {

  private static final String DELETED = ";deleted:";

  /** Reads a stored watermark; null and empty mean the beginning. */
  static StreamWatermark parse(Watermark watermark, String stream) {
    String value = watermark == null ? "" : watermark.value();
    String live = value;
    String deleted = null;
    int d = value.indexOf(DELETED);
    if (d >= 0) {
      live = value.substring(0, d);
      deleted = value.substring(d + DELETED.length());
    }
    String liveTime = null;
    long liveId = 0;
    if (!live.isEmpty()) {
      int bar = bar(live, watermark, stream);
      liveTime = live.substring(0, bar);
      liveId = id(live.substring(bar + 1), watermark, stream);
    }
    if (deleted == null) {
      return new StreamWatermark(liveTime, liveId, null, 0);
    }
    int bar = bar(deleted, watermark, stream);
    return new StreamWatermark(
        liveTime,
        liveId,
        deleted.substring(0, bar),
        id(deleted.substring(bar + 1), watermark, stream));
  }

  /** The live keyset as text, empty at the start: the key read-ahead pages are kept under. */
  String live() {
    return liveTime == null ? "" : liveTime + "|" + liveId;
  }

  /** After {@code time|id} of the live records. */
  StreamWatermark afterLive(String time, long id) {
    return new StreamWatermark(time, id, deletedTime, deletedId);
  }

  /** After {@code time|id} of the deletions. */
  StreamWatermark afterDeleted(String time, long id) {
    return new StreamWatermark(liveTime, liveId, time, id);
  }

  /**
   * With a deletion part: this one's, or from the live time, or (at the very start) from {@code
   * now}, since a first read sees no record deleted before it.
   */
  StreamWatermark withDeletionsFrom(String now) {
    if (deletedTime != null) {
      return this;
    }
    return new StreamWatermark(liveTime, liveId, liveTime != null ? liveTime : now, 0);
  }

  Watermark toWatermark() {
    return new Watermark(
        deletedTime == null ? live() : live() + DELETED + deletedTime + "|" + deletedId);
  }

  private static int bar(String part, Watermark watermark, String stream) {
    int bar = part.indexOf('|');
    if (bar < 0) {
      throw notOurs(watermark, stream);
    }
    return bar;
  }

  private static long id(String text, Watermark watermark, String stream) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw notOurs(watermark, stream);
    }
  }

  private static PermanentException notOurs(Watermark watermark, String stream) {
    return new PermanentException(
        "read " + stream + ": watermark '" + watermark + "' is not a NetSuite watermark");
  }
}
