/**
 * Live telemetry: MQTT in, Sparkplug B decoded, latest value per point out, coalesced for the screen.
 *
 * <pre>
 * TelemetryClient (one per BrokerConfig; Paho v5 or v3 behind MqttTransport; own reconnect with backoff + jitter;
 *                  TLS from TlsSettings; optional Sparkplug host STATE birth + retained Will)
 *   → TopicRouter: spBv1.0/… → SparkplugDecoder (per connection: births, bdSeq, seq, aliases, deaths; rebirths)
 *                  anything else → JsonDecoder (JsonMapping: topic pattern with captures, JSON pointer, unit, scale)
 *   → PointStore (shared: per-point lock, change queue; per-point expected period for STALE, from StaleRule or
 *                 JsonMapping; listeners tap every update before coalescing)
 *   → TelemetryFeed.drainChanges() once per frame (one measurement per changed point)
 * </pre>
 *
 * <p>Threads: decoding and store writes run on the MQTT callback thread and never block; outgoing commands,
 * reconnect attempts, the stale sweep and the rate sample run on the service's scheduler. {@link
 * org.plurigrid.console.client.telemetry.TelemetryService} wires it all.
 */
package org.plurigrid.console.client.telemetry;
