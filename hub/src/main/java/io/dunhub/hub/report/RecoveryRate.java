package io.dunhub.hub.report;

import java.math.BigDecimal;

/**
 * How often a notice was followed by a payment within 30 days, for one step, channel or template.
 *
 * @param by {@code step}, {@code channel} or {@code template}
 * @param key the step id, channel name ({@code EMAIL}) or template name
 * @param rate {@code paidWithin30d / notices}, four decimals
 */
public record RecoveryRate(
    String by, String key, int notices, int paidWithin30d, BigDecimal rate) {}
