package io.dunhub.hub.tracking;

import io.dunhub.core.model.Activity;
import io.dunhub.core.model.ActivityType;
import io.dunhub.core.model.Channel;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.ChannelOptOuts;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.writeback.ActivityLog;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What the tracked links of a sent notice record: the notice is found by its idempotency key in the
 * outbox; the first open and the first click become activities of each invoice it concerned; an
 * unsubscribe records the channel opt-out of its recipient ({@link ChannelOptOuts}) and an {@code
 * OPTED_OUT} activity that is written back into the hosts like any other.
 */
public final class TrackedMessages {

  private final Store store;
  private final Clock clock;
  private final WriteBackPlanner writeBacks;

  public TrackedMessages(Store store, Clock clock, JdbcOutbox outbox) {
    this.store = store;
    this.clock = clock;
    this.writeBacks = new WriteBackPlanner(outbox);
  }

  /** The notice with this idempotency key, if the outbox holds it. */
  public Optional<NoticePayload> find(String idempotencyKey) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT payload FROM outbox WHERE idempotency_key = :k AND kind = 'NOTICE'")
                    .bind("k", idempotencyKey)
                    .mapTo(String.class)
                    .findOne())
        .map(json -> CanonicalReader.read(json, NoticePayload.class, "outbox " + idempotencyKey));
  }

  /** Records the first open of the notice; later opens change nothing. */
  public void opened(String key, NoticePayload p, String userAgent) {
    perInvoice(key, p, ActivityType.NOTICE_OPENED, "Opened: " + p.subject(), agent(userAgent));
  }

  /** Records the first click on the notice's payment link. */
  public void clicked(String key, NoticePayload p, String target, String userAgent) {
    Map<String, String> attributes = agent(userAgent);
    attributes.put("target", target);
    perInvoice(key, p, ActivityType.LINK_CLICKED, "Followed the payment link", attributes);
  }

  /**
   * Records that the notice's recipient wants no further notice on its channel.
   *
   * @return false when that address had already opted out of the channel
   */
  public boolean unsubscribe(String key, NoticePayload p) {
    Channel channel = Channel.valueOf(p.channel());
    Instant now = clock.instant();
    return store
        .jdbi()
        .inTransaction(
            h -> {
              boolean added =
                  ChannelOptOuts.record(
                      h,
                      store.dialect(),
                      new ChannelOptOuts.OptOut(p.partyId(), channel, p.to(), p.contactId()),
                      key,
                      now);
              if (added) {
                Activity a =
                    new Activity(
                        id("opted-out:" + p.partyId() + ":" + channel + ":" + p.to()),
                        ActivityType.OPTED_OUT,
                        now,
                        p.partyId(),
                        null,
                        p.contactId(),
                        channel,
                        p.to(),
                        "Unsubscribed from payment reminders by " + channel.name().toLowerCase(),
                        p.to() + " asked to receive no further payment reminders by this channel.",
                        Map.of("notice", key));
                ActivityLog.record(h, a, null, key);
                writeBacks.enqueue(h, a, null, null);
              }
              return added;
            });
  }

  private void perInvoice(
      String key,
      NoticePayload p,
      ActivityType type,
      String subject,
      Map<String, String> attributes) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              for (int i = 0; i < p.invoiceIds().size(); i++) {
                String id = id(type + ":" + key + ":" + p.invoiceIds().get(i));
                if (exists(h, id)) {
                  continue;
                }
                ActivityLog.record(
                    h,
                    new Activity(
                        id,
                        type,
                        now,
                        p.partyId(),
                        p.invoiceIds().get(i),
                        p.contactId(),
                        Channel.valueOf(p.channel()),
                        p.to(),
                        subject,
                        null,
                        attributes),
                    p.caseIds().get(i),
                    key);
              }
            });
  }

  private static boolean exists(Handle h, String activityId) {
    return h.createQuery("SELECT COUNT(*) FROM activities WHERE id = :id")
            .bind("id", activityId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static Map<String, String> agent(String userAgent) {
    Map<String, String> m = new LinkedHashMap<>();
    if (userAgent != null && !userAgent.isBlank()) {
      m.put("userAgent", userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent);
    }
    return m;
  }

  private static String id(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
