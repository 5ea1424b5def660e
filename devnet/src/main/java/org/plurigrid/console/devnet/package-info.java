/** The local supergrid in a box: embedded broker, simulated fleet, chain. */
package org.plurigrid.console.devnet;
