/**
 * The console's configuration file {@code <home>/console.json} (brokers, JSON mappings, stale periods) read into
 * typed records, and the per-home secret that keeps passwords out of that file in clear text. The format is
 * documented in {@code docs/configuration.md}.
 */
package org.plurigrid.console.client.config;
