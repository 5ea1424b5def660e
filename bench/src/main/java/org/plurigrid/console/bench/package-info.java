/** Plurigrid Console bench module. */
package org.plurigrid.console.bench;
