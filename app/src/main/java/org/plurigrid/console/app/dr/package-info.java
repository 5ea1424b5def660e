/** Demand response in the window: the devnet's DR program and fleet, baselines from the recordings, plugins' flexibility. */
package org.plurigrid.console.app.dr;
