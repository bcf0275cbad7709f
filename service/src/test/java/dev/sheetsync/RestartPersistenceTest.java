package dev.sheetsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default installation keeps its data: the embedded PostgreSQL lives in DATA_DIR and survives a
 * restart. The only test that starts its own PostgreSQL (the others share a throw-away one).
 */
class RestartPersistenceTest {

  @TempDir Path dataDir;

  @Test
  void dataWrittenBeforeARestartIsThereAfterIt() {
    String id;
    try (ConfigurableApplicationContext first = start()) {
      Http admin = loggedIn(first);
      Http.Response created =
          admin.post(
              "/api/requests", "{\"bookingCode\":\"BK-KEEP\",\"customerName\":\"Ann\",\"pax\":2}");
      assertThat(created.status()).isEqualTo(201);
      id = created.json().get("id").asString();
      assertThat(
              admin
                  .post(
                      "/api/users",
                      "{\"email\":\"kim@example.com\",\"name\":\"Kim\",\"role\":\"SELLER\","
                          + "\"password\":\"kims password\"}")
                  .status())
          .isEqualTo(201);
    }

    try (ConfigurableApplicationContext second = start()) {
      Http admin = loggedIn(second);
      Http.Response request = admin.get("/api/requests/" + id);
      assertThat(request.status()).isEqualTo(200);
      assertThat(request.json().get("bookingCode").asString()).isEqualTo("BK-KEEP");
      assertThat(admin.get("/api/users").json().get("total").asLong()).isEqualTo(2);
      assertThat(new Http(port(second)).login("kim@example.com", "kims password").status())
          .isEqualTo(200);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SheetsyncApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--sheetsync.database.embedded-ephemeral=false",
            "--sheetsync.database.data-dir=" + dataDir,
            "--sheetsync.admin.email=owner@example.com",
            "--sheetsync.admin.password=owner password");
  }

  private static Http loggedIn(ConfigurableApplicationContext context) {
    Http http = new Http(port(context));
    assertThat(http.login("owner@example.com", "owner password").status()).isEqualTo(200);
    return http;
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
