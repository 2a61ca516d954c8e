/** The netsuite connector: filled in by its own issue. */
package io.dunhub.netsuite;
