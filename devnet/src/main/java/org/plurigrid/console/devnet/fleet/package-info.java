/**
 * The simulated edge fleet: physics ({@link org.plurigrid.console.devnet.fleet.FleetSimulation}) and Sparkplug B on
 * MQTT ({@link org.plurigrid.console.devnet.fleet.SparkplugNode}, {@link org.plurigrid.console.devnet.fleet.EdgeNode}).
 * <p>
 * Physics, all seeded and stepped by simulated time: PV from the sun's elevation at the grid's coordinates (NOAA
 * equations, Haurwitz clear sky, Kasten–Czeplak cloud attenuation, per-system flicker under broken cloud); wind from a
 * slowly drifting wind speed per grid plus gusts through a cubic power curve with cut-out; loads with daily profiles by
 * local solar time (households, businesses, farms), seasonal heating and noise; EV sessions that arrive by time of day,
 * charge what they need with a taper and leave; batteries dispatched by their substation for self-consumption with
 * SoC integration and a reserve; substation power as the net sum of its devices and a voltage that sags with import.
 * <p>
 * Sparkplug B: NDEATH with {@code bdSeq} as the Will; NBIRTH (seq 0) with {@code bdSeq}, {@code Node Control/Rebirth}
 * and the substation metrics; a DBIRTH per device with name, alias, datatype and {@code engUnit} of every metric; then
 * NDATA/DDATA by alias with only the metrics whose published value changed. DATA metrics keep their datatype, so a
 * host can decode them without a birth. {@code seq} runs 0–255 per edge node across all its messages.
 */
package org.plurigrid.console.devnet.fleet;
