package io.dunhub.hub.dunning.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays from the Jollyday library (maintained holiday data for about 100 countries,
 * national holidays only: regional ones such as a German state's are not applied).
 */
public final class JollydayHolidays implements Holidays {

  private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();
  private final Set<String> supported;

  public JollydayHolidays() {
    this.supported = HolidayManager.getSupportedCalendarCodes();
  }

  @Override
  public boolean isHoliday(String country, LocalDate date) {
    if (country == null || country.isBlank()) {
      return false;
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    return years
        .computeIfAbsent(
            code + ":" + date.getYear(),
            k ->
                managers
                    .computeIfAbsent(code, this::manager)
                    .map(
                        m ->
                            m.getHolidays(java.time.Year.of(date.getYear())).stream()
                                .filter(x -> x.getType() == HolidayType.PUBLIC_HOLIDAY)
                                .map(de.focus_shift.jollyday.core.Holiday::getDate)
                                .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                    .orElse(Set.of()))
        .contains(date);
  }

  /** Each country's public holidays of a year, asked of the library once. */
  private final Map<String, Set<LocalDate>> years = new ConcurrentHashMap<>();

  private Optional<HolidayManager> manager(String code) {
    if (!supported.contains(code)) {
      return Optional.empty();
    }
    return Optional.of(HolidayManager.getInstance(ManagerParameters.create(code)));
  }
}
