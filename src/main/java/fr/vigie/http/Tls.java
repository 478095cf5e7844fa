package fr.vigie.http;

import fr.vigie.VigieException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS from two PEM files, as {@code vigie serve --tls-cert FILE --tls-key FILE} takes them: the certificate chain
 * (leaf first) and its private key in PKCS #8 ({@code BEGIN PRIVATE KEY}; RSA, EC or Ed25519). A PKCS #1 or SEC 1
 * key is refused with the command that converts it. Nothing is written to disk: the key store lives in memory.
 */
public record Tls(Path certificate, Path privateKey) {

    /** A Jetty TLS context over these files, or a {@link VigieException} naming the file that is wrong. */
    SslContextFactory.Server context() {
        Collection<? extends Certificate> chain = certificates();
        PrivateKey key = key();
        try {
            char[] password = new char[32];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("vigie", key, password, chain.toArray(Certificate[]::new));
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setKeyStore(store);
            factory.setKeyStorePassword(new String(password));
            factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new VigieException("the TLS key " + privateKey + " does not go with the certificate " + certificate);
        }
    }

    private Collection<? extends Certificate> certificates() {
        try {
            var found = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificate)));
            if (found.isEmpty()) {
                throw new VigieException("no certificate in " + certificate + " (a PEM file: BEGIN CERTIFICATE)");
            }
            return found;
        } catch (IOException e) {
            throw new VigieException("the TLS certificate " + certificate + " cannot be read");
        } catch (GeneralSecurityException e) {
            throw new VigieException("the TLS certificate " + certificate + " is not a PEM X.509 certificate");
        }
    }

    private PrivateKey key() {
        String pem;
        try {
            pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new VigieException("the TLS key " + privateKey + " cannot be read");
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new VigieException("the TLS key " + privateKey + " is not a PKCS #8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert it: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new VigieException("the TLS key " + privateKey + " is not valid base64");
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new VigieException("the TLS key " + privateKey + " is neither an RSA, an EC nor an Ed25519 key");
    }
}
