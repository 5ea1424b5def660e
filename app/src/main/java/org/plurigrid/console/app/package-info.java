/**
 * Plurigrid Console app module: the entry point ({@code Main}: the window by default, subcommands in {@code cli}), the
 * composition root ({@code ConsoleApplication}) and its options; each feature's wiring lives in a package of its own.
 */
package org.plurigrid.console.app;
