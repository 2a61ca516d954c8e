package io.dunhub.hub.dunning.fee;

import io.dunhub.core.model.Money;

/** A computed late fee with a description a customer can read. */
public record LateFee(Money amount, String description) {}
