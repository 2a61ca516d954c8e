package io.dunhub.core.auth;

/** A token with the version of its row; updates are checked against that version. */
public record StoredToken(OAuthToken token, long version) {}
