package org.plurigrid.console.client.wallet;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * A BIP-39 recovery phrase (English list), checked word by word and by checksum when built. It never prints
 * itself: {@link #toString()} is redacted so a phrase cannot slip into a log line or an exception message.
 */
public final class Mnemonic {

    private static final Set<String> WORDS = new HashSet<>(MnemonicUtils.getWords());

    private final String phrase;

    private Mnemonic(String phrase) {
        this.phrase = phrase;
    }

    /** A new random phrase of 12, 15, 18, 21 or 24 words. */
    public static Mnemonic generate(SecureRandom random, int words) {
        if (words < 12 || words > 24 || words % 3 != 0) {
            throw new IllegalArgumentException("A recovery phrase has 12, 15, 18, 21 or 24 words, not " + words);
        }
        byte[] entropy = new byte[words * 4 / 3];
        random.nextBytes(entropy);
        try {
            return new Mnemonic(MnemonicUtils.generateMnemonic(entropy));
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /**
     * Parses a phrase typed or read from a file (any spacing and case).
     *
     * @throws InvalidMnemonicException saying which word or that the checksum fails, never echoing the words
     */
    public static Mnemonic parse(CharSequence text) {
        List<String> words = Arrays.stream(text.toString().strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
        int n = words.size();
        if (n < 12 || n > 24 || n % 3 != 0) {
            throw new InvalidMnemonicException("The recovery phrase has " + n + " words; it must have 12, 15, 18, 21 or 24");
        }
        for (int i = 0; i < n; i++) {
            if (!WORDS.contains(words.get(i))) {
                throw new InvalidMnemonicException("Word " + (i + 1) + " of the recovery phrase is not in the BIP-39 English word list");
            }
        }
        String joined = String.join(" ", words);
        if (!MnemonicUtils.validateMnemonic(joined)) {
            throw new InvalidMnemonicException("The recovery phrase fails its BIP-39 checksum: a word is wrong or out of order");
        }
        return new Mnemonic(joined);
    }

    public int wordCount() {
        return phrase.split(" ").length;
    }

    /** The words, for showing once to the operator who just created the key, or for writing to a backup. */
    public String reveal() {
        return phrase;
    }

    /** Derives the secp256k1 key at {@code path} (BIP-39 seed with empty passphrase, then BIP-32). */
    public SigningKey deriveKey(HdPath path) {
        byte[] seed = MnemonicUtils.generateSeed(phrase, "");
        try {
            Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
            return SigningKey.of(Bip32ECKeyPair.deriveKeyPair(master, path.elements()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Mnemonic[" + wordCount() + " words, redacted]";
    }

    /** A phrase that is not a valid BIP-39 phrase; the message never contains any of its words. */
    public static final class InvalidMnemonicException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidMnemonicException(String message) {
            super(message);
        }
    }
}
