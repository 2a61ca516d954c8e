package io.dunhub.hub.config;

/** The embedded HTTP server: health, webhooks, admin API and console, on one port. */
public record HttpConfig(String host, int port) {}
