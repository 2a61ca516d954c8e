/**
 * The NetSuite connector: SuiteTalk REST and SuiteQL over OkHttp + Jackson. {@link
 * io.dunhub.netsuite.NetSuiteConnector} is the entry point; {@code auth} signs calls (OAuth 2.0
 * client credentials with a certificate-signed JWT, or token-based authentication); {@code
 * internal} holds the HTTP loop, the error mapper, the SuiteQL streams and the record sinks; {@code
 * sandbox} is a stateful NetSuite fake on WireMock for tests and demos. See {@code
 * docs/netsuite.md}.
 */
package io.dunhub.netsuite;
