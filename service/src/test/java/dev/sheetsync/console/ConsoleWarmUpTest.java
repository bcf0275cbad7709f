package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The startup warm-up, run by hand (the test profile turns the listener off): it loads the real
 * pages as an admin, and the session it used is gone afterwards.
 */
@IntegrationTest
class ConsoleWarmUpTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SyncQueue queue;
  @Autowired Users users;
  @Autowired SessionRepository<? extends Session> sessions;
  @Autowired Environment environment;

  ConsoleWarmUp warmUp(int calls) {
    ConsoleWarmUp warmUp =
        new ConsoleWarmUp(
            queue,
            new WarmUpSession(users, sessions, environment),
            new ConsoleProperties(true, calls, Duration.ofSeconds(30)),
            environment);
    warmUp.listenOn(port);
    return warmUp;
  }

  long sessionRows() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }

  @Test
  void loadsTheConsoleAndTheQueueStatusAsAnAdminAndDeletesItsSession() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    long before = sessionRows();

    int loads = warmUp(3).warmUp();

    // Each load answered 200 (anything else, such as a redirect to the login form, throws).
    assertThat(loads).isEqualTo(6);
    assertThat(sessionRows()).isEqualTo(before);
  }

  @Test
  void loadsNoPagesWhenThereIsNoAdminYet() {
    new TestData(jdbc).reset().user("accountant@example.com", Role.ACCOUNTANT);

    assertThat(warmUp(3).warmUp()).isZero();
  }
}
