/** Plurigrid Console plugins module. */
package org.plurigrid.console.plugins;
