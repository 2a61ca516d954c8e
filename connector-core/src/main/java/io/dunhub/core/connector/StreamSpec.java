package io.dunhub.core.connector;

import io.dunhub.core.model.EntityType;

/** A readable host object and the canonical entity it feeds. */
public record StreamSpec(String name, EntityType entity) {}
