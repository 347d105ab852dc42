package org.openlfa.protocol.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    /**
     * The keystore is made by running keytool: every command is recorded on its way to the launcher ensure(Path) uses,
     * and none carries the password, which keytool reads from the mode-600 file instead.
     */
    @Test
    void createsTheIdentityWithoutThePasswordOnAnyCommandLine(@TempDir Path dir) throws IOException {
        List<List<String>> started = new ArrayList<>();
        Tls.Launcher recording = command -> {
            started.add(command);
            Tls.launch(command);
        };
        Tls tls = Tls.ensure(dir, recording);

        String password = Files.readString(dir.resolve("tls/keystore.password"), StandardCharsets.UTF_8).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(started).hasSize(2);
        for (List<String> command : started) {
            assertThat(command).noneMatch(arg -> arg.contains(password));
            assertThat(command).contains("-storepass:file", dir.resolve("tls/keystore.password").toString())
                    .doesNotContain("-storepass", "-keypass");
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("tls/keystore.password")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(Files.getPosixFilePermissions(dir.resolve("tls/server.p12")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        // what keytool made opens with the password of the file, and its certificate is there for clients to pin
        SSLContext server = tls.serverContext();
        assertThat(server.getProtocol()).isEqualTo("TLS");
        assertThat(Files.readString(tls.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Tls.clientContext(tls.certificate())).isNotNull();

        // the second start finds the identity and runs nothing
        started.clear();
        Tls.ensure(dir, recording).serverContext();
        assertThat(started).isEmpty();
    }

    @Test
    void theCommandsNameThePasswordFileNotThePassword() {
        Path pw = Path.of("/data/tls/keystore.password");
        List<String> generate = Tls.generateKeyPair(Path.of("/data/tls/server.p12.tmp"), pw);
        assertThat(generate.get(0)).endsWith("keytool");
        assertThat(generate).containsSubsequence("-storepass:file", pw.toString())
                .containsSubsequence("-keypass:file", pw.toString());
        assertThat(Tls.exportCertificate(Path.of("/data/tls/server.p12.tmp"), pw, Path.of("/data/tls/server.crt")))
                .containsSubsequence("-storepass:file", pw.toString()).doesNotContain("-storepass", "-keypass");
    }
}
