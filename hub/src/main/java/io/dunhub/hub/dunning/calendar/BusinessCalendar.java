package io.dunhub.hub.dunning.calendar;

import io.dunhub.hub.dunning.policy.DayCounting;
import io.dunhub.hub.dunning.policy.Guards;
import io.dunhub.hub.dunning.policy.Offset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Days and contact windows in a party's country and time zone: business days (Monday to Friday, not
 * a public holiday), step dates from offsets, and the next moment a contact is allowed.
 */
public final class BusinessCalendar {

  private final Holidays holidays;

  public BusinessCalendar(Holidays holidays) {
    this.holidays = holidays;
  }

  public boolean isBusinessDay(String country, LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.isHoliday(country, date);
  }

  /** The date a step falls on: the due date moved by the offset in calendar or business days. */
  public LocalDate stepDate(LocalDate due, Offset offset, DayCounting counting, String country) {
    if (counting == DayCounting.CALENDAR || offset.days() == 0) {
      return due.plusDays(offset.days());
    }
    int step = offset.days() > 0 ? 1 : -1;
    int left = Math.abs(offset.days());
    LocalDate date = due;
    while (left > 0) {
      date = date.plusDays(step);
      if (isBusinessDay(country, date)) {
        left--;
      }
    }
    return date;
  }

  /**
   * The first instant at or after {@code earliest} inside the contact window: local time within
   * [start, end) in the zone and, when the guards say so, on a business day in the country. A
   * window start that falls into a daylight-saving gap moves forward with the clock.
   */
  public Instant nextWindow(Instant earliest, ZoneId zone, String country, Guards guards) {
    ZonedDateTime local = earliest.atZone(zone);
    LocalDate date = local.toLocalDate();
    for (int i = 0; i < 400; i++) {
      if (!guards.businessDaysOnly() || isBusinessDay(country, date)) {
        Instant open =
            ZonedDateTime.of(LocalDateTime.of(date, guards.windowStart()), zone).toInstant();
        Instant close =
            ZonedDateTime.of(LocalDateTime.of(date, guards.windowEnd()), zone).toInstant();
        Instant candidate = earliest.isAfter(open) ? earliest : open;
        if (candidate.isBefore(close)) {
          return candidate;
        }
      }
      date = date.plusDays(1);
    }
    throw new IllegalStateException(
        "no contact window within 400 days of " + earliest + " in " + zone);
  }

  /** Whether a contact at this instant is inside the window. */
  public boolean inWindow(Instant at, ZoneId zone, String country, Guards guards) {
    return nextWindow(at, zone, country, guards).equals(at);
  }

  /** The start of a local date in the zone. */
  public static Instant startOf(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }
}
