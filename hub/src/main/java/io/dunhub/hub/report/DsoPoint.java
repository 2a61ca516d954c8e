package io.dunhub.hub.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** DSO at the end of one day; {@code days} is null when there were no sales in the period. */
public record DsoPoint(LocalDate date, BigDecimal days) {}
