package io.dunhub.hub.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case the dunning sweep will look at soon, and what it is expected to do then.
 *
 * @param at the case's next evaluation
 * @param date that instant's day in the report's time zone
 * @param step the next policy step the case has not taken, or null when unknown
 * @param channel the step's first channel ({@code email}) or its action ({@code task}), or null
 */
public record UpcomingAction(
    LocalDate date,
    Instant at,
    String caseId,
    String invoiceNumber,
    String party,
    String step,
    String channel) {}
