/**
 * The QuickBooks Online connector: {@link io.dunhub.quickbooks.QuickBooksConnector} (id {@code
 * quickbooks}) on Intuit's Java SDK. Reads customers, invoices and payments by query and CDC;
 * writes billing contacts, payments, activity notes, invoice emails and (optionally) invoice
 * private notes. Webhook verification and parsing live in {@code webhook}; the QBO sandbox in
 * {@code sandbox}.
 */
package io.dunhub.quickbooks;
