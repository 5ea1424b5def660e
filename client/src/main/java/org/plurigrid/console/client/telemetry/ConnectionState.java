package org.plurigrid.console.client.telemetry;

/** Link state of one broker or node connection, as shown in the status bar. */
public enum ConnectionState { CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED, FAILED }
