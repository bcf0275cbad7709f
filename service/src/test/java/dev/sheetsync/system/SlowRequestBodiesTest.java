package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Clients that send their bodies one byte at a time cannot take every request thread: the service
 * keeps answering. Scaled down (20 threads, 5 body-read slots) so the test needs 30 sockets, not
 * 210.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.tomcat.threads.max=20",
      "sheetsync.http.max-concurrent-body-reads=5",
      "sheetsync.http.body-read-timeout=3s"
    })
@ActiveProfiles("test")
class SlowRequestBodiesTest {

  @LocalServerPort int port;

  private final List<Socket> sockets = new ArrayList<>();
  private volatile boolean dripping = true;

  @AfterEach
  void closeSockets() throws IOException {
    dripping = false;
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Test
  void thirtySlowLoginBodiesDoNotStopHealthFromAnswering() throws Exception {
    for (int i = 0; i < 30; i++) {
      sockets.add(slowLogin());
    }
    Thread dripper = new Thread(this::drip, "dripper");
    dripper.setDaemon(true);
    dripper.start();
    Thread.sleep(1_500); // every slow request has reached the server

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyThatDoesNotArriveWithinTheTimeoutIsAnswered408() throws Exception {
    Socket socket = slowLogin();
    sockets.add(socket);
    Thread dripper = new Thread(this::drip, "dripper");
    dripper.setDaemon(true);
    dripper.start();
    socket.setSoTimeout(15_000);

    long start = System.nanoTime();
    String answer = firstLine(socket.getInputStream());

    assertThat(answer).startsWith("HTTP/1.1 408");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  private Socket slowLogin() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket
        .getOutputStream()
        .write(
            ("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 10000\r\n\r\nusername=")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** One byte per socket every 700 ms: each read succeeds, the body never completes. */
  private void drip() {
    while (dripping) {
      for (Socket socket : List.copyOf(sockets)) {
        try {
          OutputStream out = socket.getOutputStream();
          out.write('a');
          out.flush();
        } catch (IOException closed) {
          // the server gave up on this one, as it should
        }
      }
      try {
        Thread.sleep(700);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().strip();
  }
}
