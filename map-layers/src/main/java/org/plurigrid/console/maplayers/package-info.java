/** Plurigrid Console map-layers module. */
package org.plurigrid.console.maplayers;
