package org.plurigrid.console.client.wallet;

/**
 * A keystore operation the operator can fix (wrong password, unknown or duplicate name, watch-only key used to
 * sign, unreadable file). Messages name the key, never a secret.
 */
public class KeystoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The password does not open the key (the MAC check failed). */
    public static final class WrongPasswordException extends KeystoreException {
        private static final long serialVersionUID = 1L;

        public WrongPasswordException(String keyName) {
            super("Wrong password for key '" + keyName + "'");
        }
    }
}
