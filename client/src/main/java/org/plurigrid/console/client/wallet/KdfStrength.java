package org.plurigrid.console.client.wallet;

/**
 * Scrypt cost for new keystore entries. STANDARD is the Web3 Secret Storage default (n=2^18: ~1 s and 256 MiB per
 * unlock); LIGHT (n=2^12) is for tests and scripts on small machines. Reading works with either.
 */
public enum KdfStrength {
    STANDARD(1 << 18, 8, 1),
    LIGHT(1 << 12, 8, 1);

    final int n;
    final int r;
    final int p;

    KdfStrength(int n, int r, int p) {
        this.n = n;
        this.r = r;
        this.p = p;
    }
}
