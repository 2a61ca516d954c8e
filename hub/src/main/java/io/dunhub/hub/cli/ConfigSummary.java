package io.dunhub.hub.cli;

import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.ScheduleSpec;
import io.dunhub.hub.config.StoreConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A few lines that say what a valid config will do; never a secret. */
final class ConfigSummary {

  private ConfigSummary() {}

  static void print(HubConfig config, PrintWriter out) {
    out.println("  mode:        " + config.mode().name().toLowerCase(Locale.ROOT));
    out.println("  store:       " + store(config.store()));
    out.println("  http:        " + config.http().host() + ":" + config.http().port());
    out.println("  connections: " + config.connections().size());
    for (ConnectionConfig c : config.connections()) {
      out.println(
          "    "
              + c.name()
              + " ("
              + c.type()
              + "): "
              + (c.sync().enabled() ? "sync " + describe(c.sync().schedule()) : "sync disabled")
              + (c.sync().streams().isEmpty()
                  ? ", every stream"
                  : ", streams " + String.join(", ", c.sync().streams())));
    }
    out.println(
        "  channels:    "
            + (config.channels().email().isPresent() ? "email " : "")
            + (config.channels().sms().isPresent() ? "sms" : "")
            + (config.channels().email().isEmpty() && config.channels().sms().isEmpty()
                ? "none"
                : ""));
    out.println(
        "  schedules:   dunning "
            + describe(config.schedules().dunning())
            + ", outbox "
            + describe(config.schedules().outbox())
            + " ("
            + config.schedules().zone()
            + ")");
  }

  static String store(StoreConfig store) {
    if (store instanceof StoreConfig.Postgres pg) {
      return "postgres " + pg.url() + " as " + pg.user();
    }
    return "embedded in " + ((StoreConfig.Embedded) store).dataDir();
  }

  static String describe(ScheduleSpec spec) {
    if (spec instanceof ScheduleSpec.Every every) {
      Duration d = every.interval();
      if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
        return "every " + d.toDays() + "d";
      }
      if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
        return "every " + d.toHours() + "h";
      }
      if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
        return "every " + d.toMinutes() + "m";
      }
      return "every " + d.toSeconds() + "s";
    }
    if (spec instanceof ScheduleSpec.Daily daily) {
      return "daily at " + daily.at();
    }
    return "cron " + ((ScheduleSpec.Cron) spec).expression();
  }
}
