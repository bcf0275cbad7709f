package dev.sheetsync.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

  @Autowired Users users;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void noUsers() {
    new TestData(jdbc).reset();
  }

  @Test
  void withoutSettingsCreatesAdminAtLocalhostWithARandomPasswordLoggedOnce(CapturedOutput log) {
    Optional<String> password = bootstrap(null, null).createAdminIfNoUsers();

    assertThat(password).hasValueSatisfying(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(20));
    assertThat(log.getOut()).contains("admin@localhost").contains(password.get());
    assertThat(users.list(0, 10))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.email()).isEqualTo("admin@localhost");
              assertThat(u.role()).isEqualTo(Role.ADMIN);
            });
    assertThat(new Http(port).login("admin@localhost", password.get()).status()).isEqualTo(200);

    // Second start: users exist, nothing is created and no password is printed again.
    assertThat(bootstrap(null, null).createAdminIfNoUsers()).isEmpty();
    assertThat(log.getOut().split(password.get(), -1)).hasSize(2);
    assertThat(users.count()).isOne();
  }

  @Test
  void withAdminEmailAndPasswordCreatesThatAdminAndLogsNoPassword(CapturedOutput log) {
    assertThat(bootstrap("boss@example.com", "s3cret-enough").createAdminIfNoUsers()).isEmpty();

    assertThat(log.getOut()).contains("boss@example.com").doesNotContain("s3cret-enough");
    assertThat(new Http(port).login("boss@example.com", "s3cret-enough").status()).isEqualTo(200);
    assertThat(users.list(0, 10)).extracting(User::role).containsExactly(Role.ADMIN);
  }

  @Test
  void doesNothingWhenAnyUserExists() {
    new TestData(jdbc).user("seller@example.com", Role.SELLER);

    assertThat(bootstrap(null, null).createAdminIfNoUsers()).isEmpty();
    assertThat(users.count()).isOne();
  }

  @Test
  void refusesATooShortAdminPassword() {
    assertThatThrownBy(() -> bootstrap(null, "short").createAdminIfNoUsers())
        .hasMessageContaining("ADMIN_PASSWORD");
    assertThat(users.count()).isZero();
  }

  private AdminBootstrap bootstrap(String email, String password) {
    return new AdminBootstrap(users, accounts, new AdminProperties(email, password));
  }
}
