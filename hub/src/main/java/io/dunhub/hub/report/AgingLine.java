package io.dunhub.hub.report;

import io.dunhub.core.model.Money;

/** The open balances of one aging bucket: their sum and how many invoices carry them. */
public record AgingLine(AgingBucket bucket, Money amount, int count) {}
