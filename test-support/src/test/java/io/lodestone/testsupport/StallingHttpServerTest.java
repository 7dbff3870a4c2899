package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StallingHttpServerTest {

    @Test
    void answersHeadersPromisingABodyAndThenSendsNothing() throws Exception {
        try (StallingHttpServer server = StallingHttpServer.start();
             Socket socket = new Socket("127.0.0.1", URI.create(server.uri("/").toString()).getPort())) {
            socket.getOutputStream().write("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String header;
            boolean promisesBody = false;
            while (!(header = in.readLine()).isEmpty()) {
                promisesBody |= header.startsWith("Content-Length: ") && Long.parseLong(header.substring(16)) > 0;
            }
            assertThat(promisesBody).isTrue();
            socket.setSoTimeout(500);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(server.stalled()).isEqualTo(1);
        }
    }
}
