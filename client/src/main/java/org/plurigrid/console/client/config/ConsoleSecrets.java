package org.plurigrid.console.client.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts the passwords written in {@code console.json}, with AES-256-GCM under a key derived
 * (PBKDF2-HMAC-SHA256, per-value salt) from a random secret in {@code <home>/console.key} (owner-only, 0600).
 *
 * <p>Threat model, honestly: this keeps passwords readable by nobody who sees only {@code console.json} (a shared
 * screen, a config pasted in a ticket, a config committed to git, a backup of the config alone). It does not protect
 * against anyone who can read {@code console.key} too: the same OS user, root, malware running as the operator, or a
 * backup of the whole home folder. For those, use a password file on a separate, protected medium or an OS keyring.
 *
 * <p>Value format: {@code pgc1:<iterations>:<salt b64>:<iv b64>:<ciphertext+tag b64>}.
 */
public final class ConsoleSecrets {

    public static final String KEY_FILE_NAME = "console.key";
    public static final int DEFAULT_ITERATIONS = 120_000;
    private static final String PREFIX = "pgc1";
    private static final byte[] AAD = "plurigrid-console password v1".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path keyFile;
    private final char[] secret;
    private final SecureRandom random;
    private final int iterations;

    private ConsoleSecrets(Path keyFile, char[] secret, SecureRandom random, int iterations) {
        this.keyFile = keyFile;
        this.secret = secret;
        this.random = random;
        this.iterations = iterations;
    }

    /** Opens the home's secret, creating it (0600) on first use; refuses a key file others can read. */
    public static ConsoleSecrets openOrCreate(Path home) throws ConfigException {
        return openOrCreate(home, new SecureRandom(), DEFAULT_ITERATIONS);
    }

    /** @param iterations PBKDF2 rounds for values encrypted from now on (decryption reads them from the value) */
    public static ConsoleSecrets openOrCreate(Path home, SecureRandom random, int iterations) throws ConfigException {
        Path keyFile = home.resolve(KEY_FILE_NAME);
        try {
            if (!Files.exists(keyFile)) {
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                String text = Base64.getEncoder().encodeToString(raw);
                Arrays.fill(raw, (byte) 0);
                Files.createDirectories(home);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.writeString(keyFile, text + "\n");
                } catch (FileAlreadyExistsException e) {
                    // another process created it meanwhile: use theirs
                }
            }
            return open(home, random, iterations);
        } catch (IOException e) {
            throw new ConfigException(keyFile, "", "cannot create the secret key file: " + e.getMessage(), e);
        }
    }

    /** Opens an existing secret; fails when it is missing or readable by group or others. */
    public static ConsoleSecrets open(Path home) throws ConfigException {
        return open(home, new SecureRandom(), DEFAULT_ITERATIONS);
    }

    private static ConsoleSecrets open(Path home, SecureRandom random, int iterations) throws ConfigException {
        Path keyFile = home.resolve(KEY_FILE_NAME);
        if (!Files.isRegularFile(keyFile)) {
            throw new ConfigException(keyFile, "", "the secret key file is missing; encrypted passwords need it "
                    + "(it is created by `telemetry secret`)");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new ConfigException(keyFile, "", "is readable by others (" + PosixFilePermissions.toString(perms)
                        + "); run `chmod 600 " + keyFile + "`");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's ACLs protect it
        } catch (IOException e) {
            throw new ConfigException(keyFile, "", "cannot check permissions: " + e.getMessage(), e);
        }
        try {
            String text = Files.readString(keyFile).strip();
            if (text.length() < 32) {
                throw new ConfigException(keyFile, "", "is too short to be a console secret (expected 32 random "
                        + "bytes in Base64)");
            }
            return new ConsoleSecrets(keyFile, text.toCharArray(), random, iterations);
        } catch (IOException e) {
            throw new ConfigException(keyFile, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    public Path keyFile() {
        return keyFile;
    }

    /** The value to write in {@code console.json} as {@code {"encrypted": "…"}}. */
    public String encrypt(char[] password) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] plain = utf8(password);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(salt, iterations), new GCMParameterSpec(128, iv));
            c.updateAAD(AAD);
            byte[] ct = c.doFinal(plain);
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(iv) + ":"
                    + b64.encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt}; the caller clears the result.
     *
     * @throws IllegalArgumentException with a message fit for the user (never the secret)
     */
    public char[] decrypt(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not an encrypted console secret (expected pgc1:…, made by "
                    + "`telemetry secret`)");
        }
        byte[] plain = null;
        try {
            int rounds = Integer.parseInt(parts[1]);
            if (rounds < 1_000 || rounds > 10_000_000) {
                throw new IllegalArgumentException("encrypted value has an implausible iteration count " + rounds);
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] iv = b64.decode(parts[3]);
            byte[] ct = b64.decode(parts[4]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(salt, rounds), new GCMParameterSpec(128, iv));
            c.updateAAD(AAD);
            plain = c.doFinal(ct);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("cannot be decrypted with " + keyFile + " (encrypted for another "
                    + "home, or altered)");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encrypted value has no valid iteration count");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot be decrypted: " + e.getClass().getSimpleName());
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private SecretKeySpec key(byte[] salt, int rounds) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, rounds, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }
}
