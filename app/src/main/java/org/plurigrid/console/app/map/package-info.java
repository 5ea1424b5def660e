/** The supergrid map in the window: the grid model's power flow and N-1 off the FX thread, live telemetry on it, the camera kept. */
package org.plurigrid.console.app.map;
