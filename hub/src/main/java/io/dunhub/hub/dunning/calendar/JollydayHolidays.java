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
    return managers
        .computeIfAbsent(code, this::manager)
        .map(m -> m.isHoliday(date, HolidayType.PUBLIC_HOLIDAY))
        .orElse(false);
  }

  private Optional<HolidayManager> manager(String code) {
    if (!supported.contains(code)) {
      return Optional.empty();
    }
    return Optional.of(HolidayManager.getInstance(ManagerParameters.create(code)));
  }
}
