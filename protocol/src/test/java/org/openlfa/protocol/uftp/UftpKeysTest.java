package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.protocol.RejectedMessage;

class UftpKeysTest {

    @Test
    void publicKeysEncodeAsX509AndBase64AndRaw() {
        KeyPair pair = UftpKeys.generate();
        byte[] der = UftpKeys.encodePublicKey(pair.getPublic());
        assertThat(der).hasSize(44);   // SubjectPublicKeyInfo of Ed25519: 12 bytes of DER around 32 of key
        assertThat(UftpKeys.decodePublicKey(der)).isEqualTo(pair.getPublic());
        String b64 = UftpKeys.encodePublicKeyBase64(pair.getPublic());
        assertThat(b64).startsWith("MCowBQYDK2VwAyEA");   // the DER prefix every Ed25519 SPKI shares
        assertThat(UftpKeys.decodePublicKeyBase64(b64 + "\n")).isEqualTo(pair.getPublic());
        byte[] raw = UftpKeys.rawPublicKey(pair.getPublic());
        assertThat(raw).hasSize(32);
        assertThat(UftpKeys.publicKeyFromRaw(raw)).isEqualTo(pair.getPublic());
    }

    @Test
    void refusesWhatIsNotAnEd25519Key() throws Exception {
        assertThatThrownBy(() -> UftpKeys.decodePublicKey(new byte[44])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UftpKeys.decodePublicKeyBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        PublicKey ecKey = ec.generateKeyPair().getPublic();
        assertThatThrownBy(() -> UftpKeys.decodePublicKey(ecKey.getEncoded()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UftpKeys.encodePublicKey(ecKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UftpKeys.publicKeyFromRaw(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UftpKeys.privateKeyFromSeed(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedGivesTheSameKeysEveryTime() throws RejectedMessage {
        KeyPair a = UftpKeys.keyPairFromSeed(Samples.seed(7));
        KeyPair b = UftpKeys.keyPairFromSeed(Samples.seed(7));
        assertThat(a.getPublic()).isEqualTo(b.getPublic());
        byte[] signed = SignedMessage.signBody("hello".getBytes(StandardCharsets.UTF_8),
                UftpKeys.privateKeyFromSeed(Samples.seed(7)));
        assertThat(SignedMessage.openBody(signed, a.getPublic())).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void privateKeysAreWrittenAsPkcs8PemWithMode600Atomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/agr.key");
        KeyPair first = UftpKeys.generate();
        UftpKeys.writePrivateKey(file, first.getPrivate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI").endsWith(
                "-----END PRIVATE KEY-----\n");
        PrivateKey read = UftpKeys.readPrivateKey(file);
        assertThat(read.getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        byte[] signed = SignedMessage.signBody(new byte[] {1, 2, 3}, read);
        assertThat(SignedMessage.openBody(signed, first.getPublic())).containsExactly(1, 2, 3);

        // Replacing the key: still mode 600, and no temporary file is left beside it.
        KeyPair second = UftpKeys.generate();
        UftpKeys.writePrivateKey(file, second.getPrivate());
        assertThat(UftpKeys.readPrivateKey(file).getEncoded()).isEqualTo(second.getPrivate().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("agr.key");
        }
    }

    @Test
    void readingRefusesWhatIsNotAnEd25519Pem(@TempDir Path dir) throws IOException {
        Path notPem = dir.resolve("a.key");
        Files.writeString(notPem, "hello");
        assertThatThrownBy(() -> UftpKeys.readPrivateKey(notPem)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a PKCS#8 PEM private key");
        Path garbage = dir.resolve("b.key");
        Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[48])
                + "\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> UftpKeys.readPrivateKey(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an Ed25519 private key");
        // A key readable by others is still read (with a warning in the log), so a mis-set mode does not stop the
        // platform, but it is reported.
        Path wide = dir.resolve("c.key");
        KeyPair pair = UftpKeys.generate();
        UftpKeys.writePrivateKey(wide, pair.getPrivate());
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(UftpKeys.readPrivateKey(wide).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }
}
