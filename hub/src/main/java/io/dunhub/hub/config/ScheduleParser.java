package io.dunhub.hub.config;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code every 5m}, {@code daily at 06:30} and {@code cron <six fields>}. */
final class ScheduleParser {

  static final String FORMS =
      "write 'every 30s' (s, m, h or d), 'daily at 06:30' or 'cron 0 0/15 * * * *'";
  private static final Pattern EVERY =
      Pattern.compile(
          "every\\s+(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)");
  private static final Pattern DAILY = Pattern.compile("daily\\s+at\\s+(\\d{1,2}:\\d{2})");
  private static final Duration MINIMUM = Duration.ofSeconds(1);

  private ScheduleParser() {}

  static Optional<ScheduleSpec> read(ConfigValue value) {
    Optional<String> text = value.requiredText();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get().trim();
    String lower = t.toLowerCase(Locale.ROOT);
    Matcher every = EVERY.matcher(lower);
    if (every.matches()) {
      long n = Long.parseLong(every.group(1));
      Duration d =
          switch (every.group(2).charAt(0)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      if (d.compareTo(MINIMUM) < 0) {
        value.problem("must be at least every 1s");
        return Optional.empty();
      }
      return Optional.of(new ScheduleSpec.Every(d));
    }
    Matcher daily = DAILY.matcher(lower);
    if (daily.matches()) {
      try {
        String hhmm = daily.group(1).length() == 4 ? "0" + daily.group(1) : daily.group(1);
        return Optional.of(new ScheduleSpec.Daily(LocalTime.parse(hhmm)));
      } catch (DateTimeParseException e) {
        value.problem("'" + daily.group(1) + "' is not a time of day (HH:mm)");
        return Optional.empty();
      }
    }
    if (lower.startsWith("cron ")) {
      String expression = t.substring(5).trim();
      try {
        new CronSchedule(expression);
        return Optional.of(new ScheduleSpec.Cron(expression));
      } catch (RuntimeException e) {
        value.problem(
            "'"
                + expression
                + "' is not a cron expression (six fields, seconds first: 0 0/15 * * * *)");
        return Optional.empty();
      }
    }
    value.problem("'" + t + "' is not a schedule; " + FORMS);
    return Optional.empty();
  }
}
