package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A taken mail port stops the default run with the port and the setting that moves it. */
class EmbeddedMailServerTest {

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            assertThatThrownBy(() -> EmbeddedMailServer.requireFree(port, "SMTP", "MUSTER_SMTP_PORT"))
                    .isInstanceOfSatisfying(EmbeddedMailServer.PortInUse.class, taken -> {
                        FailureAnalysis analysis = new PortInUseAnalyzer().analyze(taken);
                        assertThat(analysis.getDescription()).contains("SMTP on port " + port);
                        assertThat(analysis.getAction()).contains("MUSTER_SMTP_PORT=");
                    });
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        EmbeddedMailServer.requireFree(port, "IMAP", "MUSTER_IMAP_PORT");
    }
}
