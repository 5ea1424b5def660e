/** Plurigrid Console app module. */
package org.plurigrid.console.app;
