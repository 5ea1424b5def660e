package org.plurigrid.console.client.wallet;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scrypt parameters of a key file, checked before any memory is allocated: a file is data, and {@code n = 2^25}
 * in it would otherwise ask for 32 GiB and take the console down. The bounds admit every strength the console writes
 * ({@link KdfStrength}) and the usual Web3 wallets' (n up to 2^20 at r = 8 is 1 GiB: above {@link #MAX_MEMORY_BYTES}).
 */
record ScryptParams(int n, int r, int p) {

    static final int MAX_N = 1 << 20;
    static final int MAX_R = 32;
    static final int MAX_P = 16;
    /** scrypt needs 128 · n · r bytes: at most 512 MiB. */
    static final long MAX_MEMORY_BYTES = 512L * 1024 * 1024;
    static final int DKLEN = 32;

    static ScryptParams of(JsonNode kdfparams, Path file) {
        int n = integer(kdfparams, "n", 2, MAX_N, file);
        if (Integer.bitCount(n) != 1) {
            throw refused(file, "kdfparams.n must be a power of two, is " + n);
        }
        int r = integer(kdfparams, "r", 1, MAX_R, file);
        int p = integer(kdfparams, "p", 1, MAX_P, file);
        int dklen = integer(kdfparams, "dklen", DKLEN, DKLEN, file);
        if (128L * n * r > MAX_MEMORY_BYTES) {
            throw refused(file, "scrypt with n=" + n + " and r=" + r + " needs " + (128L * n * r >> 20) + " MiB; at most "
                    + (MAX_MEMORY_BYTES >> 20) + " MiB is accepted");
        }
        assert dklen == DKLEN;
        return new ScryptParams(n, r, p);
    }

    private static int integer(JsonNode params, String field, int min, int max, Path file) {
        JsonNode v = params.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw refused(file, "kdfparams." + field + " must be a whole number from " + min + " to " + max + ", is "
                    + (v.isMissingNode() ? "missing" : v.toString()));
        }
        return v.intValue();
    }

    private static KeystoreException refused(Path file, String why) {
        return new KeystoreException("Key file " + file + " cannot be used: " + why);
    }
}
