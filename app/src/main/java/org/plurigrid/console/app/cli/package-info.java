/**
 * Headless subcommands of the app jar (picocli): {@code telemetry stats} checks a broker with the same pipeline as
 * the GUI and prints one JSON object; {@code telemetry secret} encrypts a password for {@code console.json}.
 */
package org.plurigrid.console.app.cli;
