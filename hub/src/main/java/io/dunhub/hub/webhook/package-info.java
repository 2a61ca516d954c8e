/**
 * Host webhooks: one generic endpoint per connector ({@code POST /webhooks/{connector}}) that lets
 * the connector verify and read the delivery, answers at once and syncs the touched streams in the
 * background.
 */
package io.dunhub.hub.webhook;
