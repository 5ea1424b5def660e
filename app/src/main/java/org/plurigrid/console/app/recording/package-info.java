/** Recording and replay in the window: the rolled recording in the home, the status poll, and the live/replay feed switch. */
package org.plurigrid.console.app.recording;
