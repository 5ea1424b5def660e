package org.plurigrid.console.client.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Keys on disk in {@code <home>/keys/<name>.json}: the private key encrypted in the Web3 Secret Storage (v3) layout
 * (scrypt, AES-128-CTR, Keccak-256 MAC) beside the public address, so listing needs no password. Passwords arrive as
 * {@code char[]} and are cleared here after use.
 */
public final class Keystore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private final KdfStrength strength;
    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper();

    public Keystore(Path home, KdfStrength strength, SecureRandom random) {
        this.dir = home.resolve("keys");
        this.strength = strength;
        this.random = random;
    }

    public Keystore(Path home) {
        this(home, KdfStrength.STANDARD, new SecureRandom());
    }

    public Path directory() {
        return dir;
    }

    /** A freshly created key and its recovery phrase, to be shown once and then forgotten. */
    public record NewKey(KeyInfo info, Mnemonic mnemonic) {
    }

    /** Creates a new 24-word phrase, stores the key at {@code path} encrypted with {@code password} (then cleared). */
    public NewKey create(String name, char[] password, HdPath path, String prefix) {
        Mnemonic m = Mnemonic.generate(random, 24);
        return new NewKey(importMnemonic(name, m, password, path, prefix), m);
    }

    /** Stores the key derived from {@code mnemonic} at {@code path}; the password is cleared. */
    public KeyInfo importMnemonic(String name, Mnemonic mnemonic, char[] password, HdPath path, String prefix) {
        try {
            checkNewName(name);
            checkPassword(password);
            SigningKey key = mnemonic.deriveKey(path);
            KeyInfo info = new KeyInfo(name, key.address(prefix), Optional.of(key.publicKey()), Optional.of(path.toString()));
            byte[] secret = key.privateKeyBytes();
            try {
                ObjectNode node = header(info);
                node.set("crypto", encrypt(secret, password));
                write(name, node);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            return info;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Adds an address to watch (balances, votes) without any key. */
    public KeyInfo addWatchOnly(String name, AccountAddress address) {
        checkNewName(name);
        KeyInfo info = new KeyInfo(name, address, Optional.empty(), Optional.empty());
        write(name, header(info));
        return info;
    }

    public List<KeyInfo> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<KeyInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(info(read(f)));
            }
        } catch (IOException e) {
            throw new KeystoreException("Cannot list keys in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public KeyInfo show(String name) {
        return info(read(file(name)));
    }

    public boolean contains(String name) {
        return NAME.matcher(name).matches() && Files.exists(file(name));
    }

    /**
     * Decrypts the key for this session; the password is cleared.
     *
     * @throws KeystoreException.WrongPasswordException when the password does not open it
     */
    public SigningKey unlock(String name, char[] password) {
        try {
            JsonNode node = read(file(name));
            KeyInfo info = info(node);
            if (info.watchOnly()) {
                throw new KeystoreException("Key '" + name + "' is watch-only (address " + info.address() + "): it cannot sign");
            }
            byte[] secret = decrypt(node.path("crypto"), password, name);
            try {
                SigningKey key = SigningKey.ofPrivateKey(secret);
                if (!Arrays.equals(key.publicKey(), info.publicKey().orElseThrow())) {
                    throw new KeystoreException("Key file of '" + name + "' is inconsistent: its public key does not match");
                }
                return key;
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public void delete(String name) {
        try {
            if (!Files.deleteIfExists(file(name))) {
                throw new KeystoreException("No key named '" + name + "' in " + dir);
            }
        } catch (IOException e) {
            throw new KeystoreException("Cannot delete key '" + name + "': " + e.getMessage(), e);
        }
    }

    private ObjectNode header(KeyInfo info) {
        ObjectNode node = json.createObjectNode();
        node.put("version", 3);
        node.put("id", UUID.randomUUID().toString());
        node.put("name", info.name());
        node.put("type", info.watchOnly() ? "watch" : "local");
        node.put("address", info.address().bech32());
        info.publicKeyHex().ifPresent(h -> node.put("pubkey", h));
        info.hdPath().ifPresent(p -> node.put("hdPath", p));
        return node;
    }

    private KeyInfo info(JsonNode node) {
        String name = node.path("name").asText();
        AccountAddress address = AccountAddress.parse(node.path("address").asText());
        Optional<byte[]> pub = node.hasNonNull("pubkey") ? Optional.of(HEX.parseHex(node.get("pubkey").asText())) : Optional.empty();
        Optional<String> path = node.hasNonNull("hdPath") ? Optional.of(node.get("hdPath").asText()) : Optional.empty();
        return new KeyInfo(name, address, pub, path);
    }

    private ObjectNode encrypt(byte[] secret, char[] password) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] dk = derive(password, salt, strength.n, strength.r, strength.p);
        try {
            byte[] ciphertext = aesCtr(Cipher.ENCRYPT_MODE, dk, iv, secret);
            ObjectNode crypto = json.createObjectNode();
            crypto.put("cipher", "aes-128-ctr");
            crypto.put("ciphertext", HEX.formatHex(ciphertext));
            crypto.putObject("cipherparams").put("iv", HEX.formatHex(iv));
            crypto.put("kdf", "scrypt");
            ObjectNode kdf = crypto.putObject("kdfparams");
            kdf.put("dklen", 32);
            kdf.put("n", strength.n);
            kdf.put("p", strength.p);
            kdf.put("r", strength.r);
            kdf.put("salt", HEX.formatHex(salt));
            crypto.put("mac", HEX.formatHex(mac(dk, ciphertext)));
            return crypto;
        } finally {
            Arrays.fill(dk, (byte) 0);
        }
    }

    private byte[] decrypt(JsonNode crypto, char[] password, String name) {
        if (!"scrypt".equals(crypto.path("kdf").asText()) || !"aes-128-ctr".equals(crypto.path("cipher").asText())) {
            throw new KeystoreException("Key '" + name + "' uses an unsupported encryption (" + crypto.path("kdf").asText()
                    + "/" + crypto.path("cipher").asText() + ")");
        }
        JsonNode kdf = crypto.path("kdfparams");
        byte[] dk = derive(password, HEX.parseHex(kdf.path("salt").asText()), kdf.path("n").asInt(), kdf.path("r").asInt(),
                kdf.path("p").asInt());
        try {
            byte[] ciphertext = HEX.parseHex(crypto.path("ciphertext").asText());
            if (!MessageDigest.isEqual(mac(dk, ciphertext), HEX.parseHex(crypto.path("mac").asText()))) {
                throw new KeystoreException.WrongPasswordException(name);
            }
            return aesCtr(Cipher.DECRYPT_MODE, dk, HEX.parseHex(crypto.path("cipherparams").path("iv").asText()), ciphertext);
        } finally {
            Arrays.fill(dk, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int n, int r, int p) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[utf8.remaining()];
        utf8.get(pw);
        Arrays.fill(utf8.array(), (byte) 0);
        try {
            return SCrypt.generate(pw, salt, n, r, p, 32);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] aesCtr(int mode, byte[] dk, byte[] iv, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(mode, new SecretKeySpec(dk, 0, 16, "AES"), new IvParameterSpec(iv));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR unavailable", e);
        }
    }

    private static byte[] mac(byte[] dk, byte[] ciphertext) {
        KeccakDigest k = new KeccakDigest(256);
        k.update(dk, 16, 16);
        k.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[32];
        k.doFinal(out, 0);
        return out;
    }

    private static void checkPassword(char[] password) {
        if (password.length < 8) {
            throw new KeystoreException("The password must have at least 8 characters");
        }
    }

    private void checkNewName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new KeystoreException("'" + name + "' is not a usable key name: use letters, digits, '.', '_' or '-' (at most 64)");
        }
        if (Files.exists(file(name))) {
            throw new KeystoreException("A key named '" + name + "' already exists in " + dir);
        }
    }

    private Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new KeystoreException("'" + name + "' is not a usable key name");
        }
        return dir.resolve(name + ".json");
    }

    private JsonNode read(Path f) {
        if (!Files.exists(f)) {
            String name = f.getFileName().toString().replaceFirst("\\.json$", "");
            throw new KeystoreException("No key named '" + name + "' in " + dir);
        }
        try {
            return json.readTree(f.toFile());
        } catch (IOException e) {
            throw new KeystoreException("Cannot read key file " + f + ": " + e.getMessage(), e);
        }
    }

    private void write(String name, JsonNode node) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the user's profile folder is already private.
                }
                Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
                Path target = file(name);
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new KeystoreException("Cannot write key '" + name + "' to " + dir + ": " + e.getMessage(), e);
        }
    }
}
