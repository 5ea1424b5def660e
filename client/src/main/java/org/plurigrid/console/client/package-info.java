/** Plurigrid Console client module. */
package org.plurigrid.console.client;
