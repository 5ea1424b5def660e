/**
 * Recording and replay: every telemetry value (before coalescing), alarm transition and console event is written by
 * a {@link org.plurigrid.console.client.recording.Recorder} through a
 * {@link org.plurigrid.console.client.recording.RecordingStore} (DuckDB file by default, PostgreSQL when shared);
 * a {@link org.plurigrid.console.client.recording.RecordingReader} reads it back (seek = snapshot + deltas), a
 * {@link org.plurigrid.console.client.recording.ReplayFeed} drives the views through the
 * {@link org.plurigrid.console.client.telemetry.TelemetryFeed} seam with a
 * {@link org.plurigrid.console.client.recording.ReplayClock}, and
 * {@link org.plurigrid.console.client.recording.AlarmReplay} re-evaluates alarms deterministically.
 * See {@code docs/recording.md}.
 */
package org.plurigrid.console.client.recording;
