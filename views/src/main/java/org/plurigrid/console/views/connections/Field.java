package org.plurigrid.console.views.connections;

/** The editor's fields, each with the label the operator sees (validation messages name it). */
public enum Field {
    NAME("Name"),
    URI("Broker URI"),
    CLIENT_ID("Client id"),
    KEEP_ALIVE("Keep-alive"),
    SESSION_EXPIRY("Session expiry"),
    USERNAME("User name"),
    PASSWORD("Password"),
    TOPIC_FILTERS("Topic filters"),
    HOST_ID("Sparkplug host id"),
    CA_FILE("CA file"),
    CLIENT_CERTIFICATE("Client certificate"),
    CLIENT_KEY("Client key"),
    PKCS12("PKCS#12 file"),
    KEY_PASSWORD("Key password");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
