package org.plurigrid.console.client.wallet;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Bech32 (BIP-173) encoding of addresses: human-readable part, separator '1', 5-bit data and a six-character checksum.
 * Pure functions; the 8↔5-bit regrouping is here too because every caller needs it.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    /** BIP-173 caps a string at 90 characters. */
    public static final int MAX_LENGTH = 90;

    private Bech32() {
    }

    /** A decoded Bech32 string: lower-case human-readable part and the 5-bit data words (checksum removed). */
    public record Decoded(String hrp, byte[] data) {
        public Decoded {
            Objects.requireNonNull(hrp, "hrp");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Encodes 5-bit words under {@code hrp}; the result is lower case. */
    public static String encode(String hrp, byte[] fiveBitData) {
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        if (lowerHrp.isEmpty()) {
            throw new IllegalArgumentException("Bech32 prefix is empty");
        }
        for (char c : lowerHrp.toCharArray()) {
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("Bech32 prefix has a character outside US-ASCII 33..126");
            }
        }
        byte[] checksum = checksum(lowerHrp, fiveBitData);
        StringBuilder sb = new StringBuilder(lowerHrp.length() + 1 + fiveBitData.length + 6);
        sb.append(lowerHrp).append('1');
        for (byte b : fiveBitData) {
            if ((b & 0xff) > 31) {
                throw new IllegalArgumentException("Bech32 data word out of range: " + (b & 0xff));
            }
            sb.append(CHARSET.charAt(b));
        }
        for (byte b : checksum) {
            sb.append(CHARSET.charAt(b));
        }
        return sb.toString();
    }

    /** Encodes bytes (regrouped into 5-bit words with padding), the way Cosmos addresses are written. */
    public static String encodeBytes(String hrp, byte[] bytes) {
        return encode(hrp, convertBits(bytes, 8, 5, true));
    }

    /** Decodes and verifies a Bech32 string of at most {@link #MAX_LENGTH} characters. */
    public static Decoded decode(String s) {
        return decode(s, MAX_LENGTH);
    }

    /** Decodes and verifies a Bech32 string; {@code maxLength} lets callers accept longer strings than BIP-173. */
    public static Decoded decode(String s, int maxLength) {
        Objects.requireNonNull(s, "s");
        if (s.length() > maxLength) {
            throw new Bech32Exception("is " + s.length() + " characters long, more than " + maxLength);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new Bech32Exception("has a character outside US-ASCII 33..126 at position " + i);
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new Bech32Exception("mixes upper and lower case");
        }
        String str = s.toLowerCase(Locale.ROOT);
        int sep = str.lastIndexOf('1');
        if (sep < 0) {
            throw new Bech32Exception("has no separator '1'");
        }
        if (sep == 0) {
            throw new Bech32Exception("has an empty prefix");
        }
        if (sep + 7 > str.length()) {
            throw new Bech32Exception("is too short for a checksum");
        }
        String hrp = str.substring(0, sep);
        byte[] values = new byte[str.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(str.charAt(sep + 1 + i));
            if (v < 0) {
                throw new Bech32Exception("has an invalid character '" + str.charAt(sep + 1 + i) + "' at position " + (sep + 1 + i));
            }
            values[i] = (byte) v;
        }
        if (polymod(expandHrp(hrp), values) != 1) {
            throw new Bech32Exception("has a wrong checksum (a typo?)");
        }
        byte[] data = new byte[values.length - 6];
        System.arraycopy(values, 0, data, 0, data.length);
        return new Decoded(hrp, data);
    }

    /** Decodes a Bech32 string to bytes (5→8-bit regrouping, no padding allowed). */
    public static byte[] decodeBytes(Decoded decoded) {
        return convertBits(decoded.data(), 5, 8, false);
    }

    /** General power-of-two base conversion (BIP-173 reference semantics). */
    public static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
        for (byte b : data) {
            int value = b & 0xff;
            if ((value >>> fromBits) != 0) {
                throw new Bech32Exception("has a data value out of range");
            }
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxv);
            }
        } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0) {
            throw new Bech32Exception("has invalid padding");
        }
        return out.toByteArray();
    }

    private static int polymod(byte[] hrpExpanded, byte[] values) {
        int chk = 1;
        for (byte[] part : new byte[][] {hrpExpanded, values}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] expandHrp(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >>> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] checksum(String hrp, byte[] data) {
        byte[] values = new byte[data.length + 6];
        System.arraycopy(data, 0, values, 0, data.length);
        int mod = polymod(expandHrp(hrp), values) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    /** A string that is not valid Bech32; the message completes "The address ...". */
    public static final class Bech32Exception extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Bech32Exception(String reason) {
            super("Not a valid bech32 string: it " + reason);
        }
    }
}
