package org.mingzhang.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key of C2SP signed notes (https://c2sp.org/signed-note), with the JDK's Ed25519: its name, its key ID (the
 * first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)) and the public key; with the private key when it signs.
 * Written as the verifier key {@code <name>+<8 hex digits of the key ID>+<base64(0x01 ‖ public key)>} and, privately,
 * as the signer key {@code PRIVATE+KEY+<name>+<key ID>+<base64(0x01 ‖ private seed)>}, the forms Go's
 * golang.org/x/mod/sumdb/note reads.
 */
public final class NoteKey {

    /** The signature type of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;
    private static final int KEY_BYTES = 32;
    /** DER prefixes of an Ed25519 public key (X.509) and private key (PKCS #8) around their 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String SIGNER_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] publicKey;
    private final int keyId;
    private final PrivateKey privateKey;
    private final byte[] seed;

    private NoteKey(String name, byte[] publicKey, byte[] seed) {
        requireName(name);
        if (publicKey.length != KEY_BYTES || (seed != null && seed.length != KEY_BYTES)) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        this.seed = seed == null ? null : seed.clone();
        this.privateKey = seed == null ? null : privateKey(seed);
    }

    /** A new key pair under this name. */
    public static NoteKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteKey(name, raw(pair.getPublic().getEncoded(), X509_PREFIX), raw(pair.getPrivate().getEncoded(), PKCS8_PREFIX));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The key of a verifier key string; refuses a wrong form, another algorithm or a key ID that does not match. */
    public static NoteKey verifier(String vkey) {
        String[] parts = split(vkey, "verifier key");
        NoteKey key = new NoteKey(parts[0], keyBytes(parts), null);
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the key ID " + parts[1] + " does not match the key of " + parts[0]);
        }
        return key;
    }

    /** The key pair of a signer key string (PRIVATE+KEY+…); its public half is derived and its key ID checked. */
    public static NoteKey signer(String skey) {
        if (skey == null || !skey.startsWith(SIGNER_PREFIX)) {
            throw new IllegalArgumentException("a signer key starts with " + SIGNER_PREFIX);
        }
        String[] parts = split(skey.substring(SIGNER_PREFIX.length()), "signer key");
        byte[] seed = keyBytes(parts);
        NoteKey key = new NoteKey(parts[0], publicOf(seed), seed);
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the signer key's ID does not match its key");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code <name>+<key ID>+<base64(0x01 ‖ public key)>}. */
    public String verifierKey() {
        return name + "+" + "%08x".formatted(keyId) + "+" + Base64.getEncoder().encodeToString(typed(publicKey));
    }

    /** {@code PRIVATE+KEY+<name>+<key ID>+<base64(0x01 ‖ private seed)>}: keep it secret. */
    public String signerKey() {
        if (seed == null) {
            throw new IllegalStateException("a verifier key cannot sign");
        }
        return SIGNER_PREFIX + name + "+" + "%08x".formatted(keyId) + "+" + Base64.getEncoder().encodeToString(typed(seed));
    }

    /** The Ed25519 signature of the message (deterministic, RFC 8032). */
    byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("a verifier key cannot sign");
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(privateKey);
            ed.update(message);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature is this key's over the message. */
    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(publicKeyObject());
            ed.update(message);
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), big-endian. */
    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(ED25519);
            byte[] h = sha.digest(publicKey);
            return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A key name: non-empty UTF-8 without spaces, '+' or control characters (signed-note). */
    static void requireName(String name) {
        if (name == null || name.isEmpty() || name.codePoints().anyMatch(c -> c <= 0x20 || c == '+' || c == 0x7f || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces, '+' or control characters: " + name);
        }
    }

    private PublicKey publicKeyObject() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
    }

    private static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /** The public key of a private seed: the JDK derives it when the seed is handed to its generator as randomness. */
    private static byte[] publicOf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(java.security.spec.NamedParameterSpec.ED25519, new java.security.SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(raw(pair.getPrivate().getEncoded(), PKCS8_PREFIX), seed)) {
                throw new IllegalStateException("the JDK's Ed25519 generator did not take the seed");
            }
            return raw(pair.getPublic().getEncoded(), X509_PREFIX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static String[] split(String key, String what) {
        String[] parts = key == null ? new String[0] : key.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a " + what + " is <name>+<8 lower-case hex digits>+<base64 key>");
        }
        return parts;
    }

    private static byte[] keyBytes(String[] parts) {
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of " + parts[0] + " is not base64", e);
        }
        if (typed.length != KEY_BYTES + 1 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the key of " + parts[0] + " is not an Ed25519 key (0x01 and 32 bytes)");
        }
        return Arrays.copyOfRange(typed, 1, typed.length);
    }

    private static byte[] typed(byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = ED25519;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    private static byte[] raw(byte[] encoded, byte[] prefix) {
        if (encoded.length != prefix.length + KEY_BYTES || !Arrays.equals(Arrays.copyOf(encoded, prefix.length), prefix)) {
            throw new IllegalStateException("an unexpected Ed25519 key encoding");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
