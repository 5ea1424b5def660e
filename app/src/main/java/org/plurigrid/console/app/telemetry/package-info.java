/** Telemetry in the window: brokers from the options or the in-process devnet, the deferred feed, applying edited connections. */
package org.plurigrid.console.app.telemetry;
