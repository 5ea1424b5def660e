/**
 * The local supergrid in a box: an embedded MQTT broker ({@link org.plurigrid.console.devnet.broker.EmbeddedBroker})
 * and a simulated Sparkplug B edge fleet ({@link org.plurigrid.console.devnet.fleet.Fleet}), composed by
 * {@link org.plurigrid.console.devnet.Devnet} and run alone by {@link org.plurigrid.console.devnet.DevnetMain}
 * ({@code java -jar devnet/target/plurigrid-devnet.jar --mqtt-port 0 --sim-time 12:00}).
 * <p>
 * Names follow docs/telemetry-conventions.md: six community grids are Sparkplug groups, substations are edge nodes,
 * DER are devices ({@code pv-}, {@code bat-}, {@code ev-}, {@code load-}, {@code wind-}).
 */
package org.plurigrid.console.devnet;
