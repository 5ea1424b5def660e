package org.plurigrid.console.client.dr;

/** The OpenADR 3.1 report payload types of measured response (Definition, report payloads). */
public enum ReportPayloadType {
    /** A meter reading of the resource, in the descriptor's units. */
    READING,
    /** What the resource would have done without the event. */
    BASELINE,
    /** Change of usage against the baseline: baseline − measured (positive is a reduction). */
    DELTA_USAGE
}
