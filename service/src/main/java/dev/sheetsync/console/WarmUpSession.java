package dev.sheetsync.console;

import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import dev.sheetsync.users.User;
import dev.sheetsync.users.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * The session {@link ConsoleWarmUp} loads the console with: an admin's, as a login would store it,
 * created directly in the session store (no password is known or needed inside the process) and
 * deleted as soon as the warm-up ends. Its id is random like any session's and travels only over
 * the loopback to this instance. The admin is an existing one, because every request checks the
 * session's user against the users table ({@code SessionCredentialsFilter}).
 */
@Component
@ConditionalOnProperty(
    name = "sheetsync.console.warm-up",
    havingValue = "true",
    matchIfMissing = true)
class WarmUpSession {

  /** Admins looked at to find one; the bootstrap makes the first, a real install has a few. */
  private static final int USERS_LOOKED_AT = 100;

  private final Users users;
  private final SessionRepository<? extends Session> sessions;
  private final String cookieName;

  WarmUpSession(
      Users users, SessionRepository<? extends Session> sessions, Environment environment) {
    this.users = users;
    this.sessions = sessions;
    this.cookieName = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
  }

  /** A session of the first admin found, or null when there is none. Close it to delete it. */
  Cookie open() {
    Optional<User> admin =
        users.list(0, USERS_LOOKED_AT).stream().filter(u -> u.role() == Role.ADMIN).findFirst();
    if (admin.isEmpty()) {
      return null;
    }
    User user = admin.get();
    long version = users.credentialsVersion(user.id()).orElse(-1L);
    SignedInUser principal =
        new SignedInUser(user.id(), user.email(), user.name(), user.role(), null, version);
    return open(sessions, principal);
  }

  private <S extends Session> Cookie open(SessionRepository<S> repository, SignedInUser principal) {
    S session = repository.createSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(
            UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities())));
    repository.save(session);
    String id = session.getId();
    // Spring Session's cookie carries the id in Base64.
    String value = Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    return new Cookie(cookieName + "=" + value, () -> repository.deleteById(id));
  }

  /** The {@code Cookie} header of an open warm-up session; closing it deletes the session. */
  record Cookie(String header, Runnable delete) implements AutoCloseable {

    @Override
    public void close() {
      delete.run();
    }
  }
}
