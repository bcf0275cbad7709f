package dev.sheetsync.users;

import dev.sheetsync.system.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes users, enforcing: emails unique regardless of case, at least one
 * admin always left, nobody deletes themselves, a user still named as seller is not deleted.
 */
@Service
public class UserAccounts {

  private final Users users;
  private final SoldRequests soldRequests;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  UserAccounts(
      Users users,
      SoldRequests soldRequests,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.users = users;
    this.soldRequests = soldRequests;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @throws ApiException 409 when the email is taken
   */
  @Transactional
  public User create(String email, String name, Role role, String password) {
    requireLoginName(email);
    Passwords.requireWithinLimit(password);
    UUID id = UUID.randomUUID();
    if (!users.insert(id, email.trim(), name.trim(), role, encoder.encode(password), now())) {
      throw ApiException.conflict("A user with email '" + email + "' already exists");
    }
    return users.findById(id).orElseThrow();
  }

  /**
   * Changes the given fields; null arguments keep the current value.
   *
   * @throws ApiException 404 unknown id, 409 email taken or last admin demoted
   */
  @Transactional
  public User update(UUID id, String email, String name, Role role, String password) {
    User current = users.findById(id).orElseThrow(() -> ApiException.notFound("User not found"));
    String newEmail = email == null ? current.email() : email.trim();
    String newName = name == null ? current.name() : name.trim();
    Role newRole = role == null ? current.role() : role;
    requireLoginName(newEmail);
    if (password != null) {
      Passwords.requireWithinLimit(password);
    }
    if (!newEmail.equalsIgnoreCase(current.email()) && users.emailTaken(newEmail, id)) {
      throw ApiException.conflict("A user with email '" + newEmail + "' already exists");
    }
    if (current.role() == Role.ADMIN && newRole != Role.ADMIN) {
      requireAnotherAdmin(id, "demote");
    }
    String hash = password == null ? null : encoder.encode(password);
    boolean credentialsChanged =
        newRole != current.role() || hash != null || !newEmail.equals(current.email());
    // Sessions hold the role and email they were created with: make the user log in again. The
    // version bump also refuses sessions whose login was in flight while this commits.
    users.update(id, newEmail, newName, newRole, hash, credentialsChanged, now());
    if (credentialsChanged) {
      users.endSessions(current.email());
    }
    if (!newEmail.equals(current.email()) || !newName.equals(current.name())) {
      // Requests show their seller's name and email in the sheet: the records feature re-queues
      // them.
      events.publishEvent(new SellerDetailsChanged(id));
    }
    return users.findById(id).orElseThrow();
  }

  /**
   * @throws ApiException 404 unknown id; 409 when deleting oneself, the last admin, or a seller of
   *     requests
   */
  @Transactional
  public void delete(UUID id, UUID actingUserId) {
    User user = users.findById(id).orElseThrow(() -> ApiException.notFound("User not found"));
    if (Objects.equals(id, actingUserId)) {
      throw ApiException.conflict("You cannot delete yourself");
    }
    if (user.role() == Role.ADMIN) {
      requireAnotherAdmin(id, "delete");
    }
    long sold = soldRequests.countBySeller(id);
    if (sold > 0) {
      throw ApiException.conflict(
          "User is the seller of " + sold + " request(s); reassign them first");
    }
    users.delete(id);
    users.endSessions(user.email());
  }

  private static void requireLoginName(String email) {
    try {
      LoginName.of(email);
    } catch (LoginName.InvalidLoginNameException e) {
      throw new ApiException(
          org.springframework.http.HttpStatus.BAD_REQUEST,
          "Field 'email' is invalid: " + e.getMessage().replace("username", "email"),
          java.util.Map.of("email", e.getMessage().replace("username", "email")));
    }
  }

  private void requireAnotherAdmin(UUID id, String verb) {
    List<UUID> admins = users.lockAdmins();
    if (admins.stream().noneMatch(a -> !a.equals(id))) {
      throw ApiException.conflict("Cannot " + verb + " the last admin");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
