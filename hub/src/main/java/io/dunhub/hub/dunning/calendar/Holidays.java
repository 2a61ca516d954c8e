package io.dunhub.hub.dunning.calendar;

import java.time.LocalDate;

/** Public holidays per country. */
public interface Holidays {

  /**
   * Whether the date is a public holiday in the country (ISO alpha-2). An unknown or missing
   * country has no holidays.
   */
  boolean isHoliday(String country, LocalDate date);

  /** No holidays anywhere. */
  Holidays NONE = (country, date) -> false;
}
