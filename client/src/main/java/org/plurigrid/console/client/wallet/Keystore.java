package org.plurigrid.console.client.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;
import org.plurigrid.console.client.files.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys on disk in {@code <home>/keys/<name>.json}: the private key encrypted in the Web3 Secret Storage (v3) layout
 * (scrypt, AES-128-CTR, Keccak-256 MAC) beside the public address, so listing needs no password. Passwords arrive as
 * {@code char[]} and are cleared here after use.
 */
public final class Keystore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);

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

    /** The readable keys and one problem per key file that cannot be used (named, so the operator can fix it). */
    public record Listing(List<KeyInfo> keys, List<String> problems) {
        public Listing {
            keys = List.copyOf(keys);
            problems = List.copyOf(problems);
        }
    }

    /** The usable keys; a corrupt or tampered file is skipped and logged, so it never hides the others. */
    public List<KeyInfo> list() {
        Listing listing = scan();
        listing.problems().forEach(p -> LOG.warn("{}", p));
        return listing.keys();
    }

    /** Every key file: the usable keys, and what is wrong with each one that is not. */
    public Listing scan() {
        if (!Files.isDirectory(dir)) {
            return new Listing(List.of(), List.of());
        }
        List<KeyInfo> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    keys.add(info(read(f), f));
                } catch (KeystoreException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new KeystoreException("Cannot list keys in " + dir + ": " + e.getMessage(), e);
        }
        return new Listing(keys, problems);
    }

    public KeyInfo show(String name) {
        Path f = file(name);
        return info(read(f), f);
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
            Path f = file(name);
            JsonNode node = read(f);
            KeyInfo info = info(node, f);
            if (info.watchOnly()) {
                throw new KeystoreException("Key '" + name + "' is watch-only (address " + info.address() + "): it cannot sign");
            }
            byte[] secret = decrypt(node.path("crypto"), password, name, f);
            try {
                SigningKey key = SigningKey.ofPrivateKey(secret);
                if (!Arrays.equals(key.publicKey(), info.publicKey().orElseThrow())) {
                    throw new KeystoreException("Key file " + f + " is inconsistent: its public key does not match the "
                            + "encrypted key; refusing to use it");
                }
                if (!key.address(info.address().prefix()).equals(info.address())) {
                    throw new KeystoreException("Key file " + f + " is inconsistent: its address " + info.address().bech32()
                            + " is not the address of the encrypted key; refusing to use it");
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

    /** The public part of a key file, checked: a file that does not hold together is refused by name. */
    private KeyInfo info(JsonNode node, Path f) {
        try {
            String name = node.path("name").asText();
            String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
            if (!name.equals(stem)) {
                throw new IllegalArgumentException("it names the key '" + name + "', not '" + stem + "'");
            }
            AccountAddress address = AccountAddress.parse(node.path("address").asText());
            Optional<byte[]> pub = node.hasNonNull("pubkey") ? Optional.of(HEX.parseHex(node.get("pubkey").asText())) : Optional.empty();
            if (pub.isPresent() && !AccountAddress.ofPublicKey(address.prefix(), pub.get()).equals(address)) {
                throw new IllegalArgumentException("its address " + address.bech32() + " does not belong to its public key");
            }
            if (pub.isPresent() != node.has("crypto")) {
                throw new IllegalArgumentException(pub.isPresent() ? "it has a public key but no encrypted key"
                        : "it has an encrypted key but no public key");
            }
            Optional<String> path = node.hasNonNull("hdPath") ? Optional.of(node.get("hdPath").asText()) : Optional.empty();
            return new KeyInfo(name, address, pub, path);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException("Key file " + f + " cannot be used: " + e.getMessage(), e);
        }
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

    private byte[] decrypt(JsonNode crypto, char[] password, String name, Path f) {
        if (!"scrypt".equals(crypto.path("kdf").asText()) || !"aes-128-ctr".equals(crypto.path("cipher").asText())) {
            throw new KeystoreException("Key '" + name + "' uses an unsupported encryption (" + crypto.path("kdf").asText()
                    + "/" + crypto.path("cipher").asText() + ")");
        }
        ScryptParams params = ScryptParams.of(crypto.path("kdfparams"), f);
        byte[] salt = hex(crypto.path("kdfparams"), "salt", 16, 64, f);
        byte[] ciphertext = hex(crypto, "ciphertext", 32, 32, f);
        byte[] storedMac = hex(crypto, "mac", 32, 32, f);
        byte[] iv = hex(crypto.path("cipherparams"), "iv", 16, 16, f);
        byte[] dk = derive(password, salt, params.n(), params.r(), params.p());
        try {
            if (!MessageDigest.isEqual(mac(dk, ciphertext), storedMac)) {
                throw new KeystoreException.WrongPasswordException(name);
            }
            return aesCtr(Cipher.DECRYPT_MODE, dk, iv, ciphertext);
        } finally {
            Arrays.fill(dk, (byte) 0);
        }
    }

    /** A hex field of the expected length, or a message naming the file and the field. */
    private static byte[] hex(JsonNode parent, String field, int minBytes, int maxBytes, Path f) {
        JsonNode v = parent.path(field);
        String text = v.isTextual() ? v.textValue() : "";
        if (text.length() < 2 * minBytes || text.length() > 2 * maxBytes || text.length() % 2 != 0) {
            throw new KeystoreException("Key file " + f + " cannot be used: \"" + field + "\" must be " + minBytes
                    + (minBytes == maxBytes ? "" : " to " + maxBytes) + " bytes of hex");
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException("Key file " + f + " cannot be used: \"" + field + "\" is not hex", e);
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
            return StrictJson.readFile(f);
        } catch (StrictJson.Invalid e) {
            throw new KeystoreException("Key file " + f + " cannot be used: it " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KeystoreException("Cannot read key file " + f + ": " + e.getMessage(), e);
        }
    }

    private void write(String name, JsonNode node) {
        try {
            PrivateFiles.createPrivateDirectories(dir);
            PrivateFiles.setPermissions(dir, PrivateFiles.OWNER_ONLY_FOLDER); // keys/ is the console's own folder
            AtomicFile.write(file(name), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node),
                    PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REFUSE);
        } catch (FileAlreadyExistsException e) {
            throw new KeystoreException("A key named '" + name + "' already exists in " + dir, e);
        } catch (IOException e) {
            throw new KeystoreException("Cannot write key '" + name + "' to " + dir + ": " + e.getMessage(), e);
        }
    }
}
