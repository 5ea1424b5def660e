/** Plurigrid Console views module. */
package org.plurigrid.console.views;
