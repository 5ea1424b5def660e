/** Plugins in the window: bundled and folder plugins behind their guards, their views, decoders, rules, actions, overlays. */
package org.plurigrid.console.app.plugins;
