package dev.sheetsync.users;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a logged-in user, stored (serialized) in the PostgreSQL session. Holds the
 * password hash only until authentication completes ({@link #eraseCredentials()}), so sessions
 * never carry it. Authorities are {@code ROLE_<role>} plus the role's permissions; permission
 * checks should go through {@link Permissions#hasPermission} because {@code *} implies all.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID id;
  private final String email;
  private final String name;
  private final Role role;
  private final long credentialsVersion;
  private String passwordHash;

  public SignedInUser(
      UUID id, String email, String name, Role role, String passwordHash, long credentialsVersion) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.role = role;
    this.passwordHash = passwordHash;
    this.credentialsVersion = credentialsVersion;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  /**
   * The user's credentials version when this login read the user: a session whose version differs
   * from the stored one ({@link Users#credentialsVersion}) belongs to a role, email or password
   * that has since changed, and is refused.
   */
  public long credentialsVersion() {
    return credentialsVersion;
  }

  public boolean hasPermission(String permission) {
    return Permissions.hasPermission(role, permission);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedInUser other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "SignedInUser[" + email + ", " + role + "]";
  }
}
