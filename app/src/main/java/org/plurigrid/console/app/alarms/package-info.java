/** Alarms in the window: the engine over the point store, the operator's rules file and plugins' rules, the list and rule editor. */
package org.plurigrid.console.app.alarms;
