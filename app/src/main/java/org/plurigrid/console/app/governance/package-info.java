/** Governance in the window: the chain connection, proposals, votes signed and followed to inclusion, the chain status. */
package org.plurigrid.console.app.governance;
