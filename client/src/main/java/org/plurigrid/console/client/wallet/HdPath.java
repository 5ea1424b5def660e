package org.plurigrid.console.client.wallet;

import org.web3j.crypto.Bip32ECKeyPair;

/** A Cosmos BIP-44 path m/44'/118'/account'/0/index (coin type 118, the Cosmos Hub's). */
public record HdPath(int coinType, int account, int index) {

    public static final int COSMOS_COIN_TYPE = 118;

    public HdPath {
        if (coinType < 0 || account < 0 || index < 0) {
            throw new IllegalArgumentException("HD path elements must be 0 or more (got coin " + coinType
                    + ", account " + account + ", index " + index + ")");
        }
    }

    /** m/44'/118'/0'/0/index */
    public static HdPath cosmos(int index) {
        return new HdPath(COSMOS_COIN_TYPE, 0, index);
    }

    int[] elements() {
        int h = Bip32ECKeyPair.HARDENED_BIT;
        return new int[] {44 | h, coinType | h, account | h, 0, index};
    }

    @Override
    public String toString() {
        return "m/44'/" + coinType + "'/" + account + "'/0/" + index;
    }
}
