package io.dunhub.hub.dunning.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.dunning.policy.DayCounting;
import io.dunhub.hub.dunning.policy.Guards;
import io.dunhub.hub.dunning.policy.Offset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays());

  @Test
  void knowsPublicHolidaysPerCountry() {
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 10, 3)))
        .isFalse(); // Saturday anyway
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 7, 3))).isTrue();
    assertThat(calendar.isBusinessDay("US", LocalDate.of(2026, 7, 3))).isFalse(); // 4 July observed
    assertThat(calendar.isBusinessDay("US", LocalDate.of(2026, 11, 26))).isFalse(); // Thanksgiving
    assertThat(calendar.isBusinessDay("GB", LocalDate.of(2026, 11, 26))).isTrue();
    assertThat(calendar.isBusinessDay(null, LocalDate.of(2026, 12, 25))).isTrue();
  }

  @Test
  void countsBusinessDaysAcrossWeekendsAndHolidays() {
    // due Wednesday 23 Dec 2026 in Germany: 24 Thu, 25 Fri holiday, 26 Sat, 27 Sun, 28 Mon, 29 Tue
    LocalDate due = LocalDate.of(2026, 12, 23);
    assertThat(calendar.stepDate(due, Offset.parse("due+3d"), DayCounting.BUSINESS, "DE"))
        .isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(calendar.stepDate(due, Offset.parse("due+3d"), DayCounting.CALENDAR, "DE"))
        .isEqualTo(LocalDate.of(2026, 12, 26));
    // before the due date: 7 business days before Monday 6 April 2026 (Easter Monday, Good Friday)
    assertThat(
            calendar.stepDate(
                LocalDate.of(2026, 4, 8), Offset.parse("due-7d"), DayCounting.BUSINESS, "DE"))
        .isEqualTo(LocalDate.of(2026, 3, 26));
  }

  @Test
  void calendarOffsetsHandleMonthEndsAndLeapDays() {
    assertThat(
            calendar.stepDate(
                LocalDate.of(2028, 1, 31), Offset.parse("due+30d"), DayCounting.CALENDAR, "US"))
        .isEqualTo(LocalDate.of(2028, 3, 1));
    assertThat(
            calendar.stepDate(
                LocalDate.of(2028, 2, 22), Offset.parse("due+7d"), DayCounting.CALENDAR, "US"))
        .isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(
            calendar.stepDate(
                LocalDate.of(2027, 3, 7), Offset.parse("due-7d"), DayCounting.CALENDAR, "US"))
        .isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void windowOpensAtLocalMorningOnTheNextBusinessDay() {
    Guards guards = new Guards(LocalTime.of(8, 0), LocalTime.of(21, 0), true, 3, Map.of(), true);
    // Friday 21:30 in New York → Monday 08:00 local
    Instant fridayNight = Instant.parse("2026-03-07T02:30:00Z");
    assertThat(calendar.nextWindow(fridayNight, NEW_YORK, "US", guards))
        .isEqualTo(Instant.parse("2026-03-09T12:00:00Z")); // EDT started Sunday 8 March
    // inside the window: unchanged
    Instant tuesdayNoon = Instant.parse("2026-03-10T16:00:00Z");
    assertThat(calendar.nextWindow(tuesdayNoon, NEW_YORK, "US", guards)).isEqualTo(tuesdayNoon);
    assertThat(calendar.inWindow(Instant.parse("2026-03-10T11:59:59Z"), NEW_YORK, "US", guards))
        .isFalse();
  }

  @Test
  void windowFollowsDaylightSavingInEurope() {
    Guards guards = new Guards(LocalTime.of(8, 0), LocalTime.of(21, 0), false, 3, Map.of(), true);
    // Sunday 29 March 2026: clocks go forward at 02:00; 08:00 CEST is 06:00 UTC
    assertThat(calendar.nextWindow(Instant.parse("2026-03-29T00:00:00Z"), BERLIN, "DE", guards))
        .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    // Saturday 28 March 2026: still CET, 08:00 is 07:00 UTC
    assertThat(calendar.nextWindow(Instant.parse("2026-03-28T00:00:00Z"), BERLIN, "DE", guards))
        .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
    // Sunday 25 October 2026: back to CET
    assertThat(calendar.nextWindow(Instant.parse("2026-10-25T00:00:00Z"), BERLIN, "DE", guards))
        .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
  }

  @Test
  void aWindowStartInsideTheDstGapMovesForward() {
    Guards guards = new Guards(LocalTime.of(2, 30), LocalTime.of(21, 0), false, 3, Map.of(), true);
    // 02:30 does not exist on 8 March 2026 in New York: the window opens at 03:30 EDT
    assertThat(calendar.nextWindow(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK, "US", guards))
        .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }
}
