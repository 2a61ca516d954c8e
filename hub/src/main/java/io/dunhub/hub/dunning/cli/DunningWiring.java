package io.dunhub.hub.dunning.cli;

import io.dunhub.core.connector.Connection;
import io.dunhub.core.model.Channel;
import io.dunhub.hub.dunning.DunningApplicator;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.Evaluator;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.dunning.policy.PolicyLoader;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.notice.ArchivedLetterChannel;
import io.dunhub.hub.notice.NoticeChannel;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.PdfLetterRenderer;
import io.dunhub.hub.notice.SmtpEmailChannel;
import io.dunhub.hub.notice.TwilioSmsChannel;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Builds the dunning components from a store and settings: policies (validated at once, throwing a
 * {@link io.dunhub.hub.dunning.policy.PolicyException} with every problem), templates, channels,
 * the sweep and a relay worker.
 */
public final class DunningWiring {
  private DunningWiring() {}

  /**
   * @param clockSetter sets {@code clock} (simulation), or null when the clock is the real one
   * @param connections the open host connections by name (for write-backs)
   * @param sync runs one sync of every connection
   */
  public static DunningRuntime build(
      Store store,
      Clock clock,
      Consumer<Instant> clockSetter,
      DunningSettings settings,
      Function<String, Connection> connections,
      OkHttpClient http,
      Runnable sync,
      String worker) {
    NoticeRenderer renderer = new NoticeRenderer(settings.templates());
    PolicySet policies =
        settings.policies() == null
            ? BundledPolicies.load(renderer::exists)
            : new PolicyLoader(renderer::exists).loadDirectory(settings.policies());
    JdbcOutbox outbox = new JdbcOutbox(store, clock, settings.retry());
    WriteBackPlanner writeBacks = new WriteBackPlanner(outbox);
    DunningSweep sweep =
        new DunningSweep(
            store,
            clock,
            new DunningCases(store, clock),
            new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
            new DunningApplicator(outbox, writeBacks, settings.brand(), settings.links()),
            policies);
    Map<Channel, NoticeChannel> channels = new EnumMap<>(Channel.class);
    if (settings.smtp() != null) {
      channels.put(Channel.EMAIL, new SmtpEmailChannel(settings.smtp(), clock));
    }
    if (settings.sms() != null) {
      channels.put(
          Channel.SMS,
          new TwilioSmsChannel(
              settings.sms().baseUrl(),
              settings.sms().accountSid(),
              settings.sms().authToken(),
              settings.sms().from(),
              http));
    }
    if (settings.letters() != null) {
      channels.put(Channel.LETTER, new ArchivedLetterChannel(settings.letters()));
    }
    OutboxRelay relay =
        new OutboxRelay(
            store,
            outbox,
            channels,
            connections,
            writeBacks,
            new PdfLetterRenderer(),
            renderer,
            clock,
            worker);
    return new DunningRuntime() {
      @Override
      public Store store() {
        return store;
      }

      @Override
      public DunningSweep sweep() {
        return sweep;
      }

      @Override
      public JdbcOutbox outbox() {
        return outbox;
      }

      @Override
      public OutboxRelay relay() {
        return relay;
      }

      @Override
      public Consumer<Instant> clockSetter() {
        return clockSetter;
      }

      @Override
      public Runnable sync() {
        return sync;
      }
    };
  }
}
