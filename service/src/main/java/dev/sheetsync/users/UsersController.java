package dev.sheetsync.users;

import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User management; the security rules restrict the whole path to admins. */
@RestController
@RequestMapping("/api/users")
class UsersController {

  private final Users users;
  private final UserAccounts accounts;

  UsersController(Users users, UserAccounts accounts) {
    this.users = users;
    this.accounts = accounts;
  }

  @GetMapping
  Page<User> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Paging paging = new Paging(page, size);
    return Page.of(users.list(paging.offset(), paging.size()), paging, users.count());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  User create(@Valid @RequestBody NewUser body) {
    return accounts.create(body.email(), body.name(), body.role(), body.password());
  }

  @PatchMapping("/{id}")
  User update(@PathVariable UUID id, @Valid @RequestBody UserPatch body) {
    return accounts.update(id, body.email(), body.name(), body.role(), body.password());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
    accounts.delete(id, me.id());
  }

  record NewUser(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String name,
      @NotNull Role role,
      @NotNull @Size(min = 8, max = 72) String password) {}

  /** Absent or null fields keep their value (no user field can be cleared). */
  record UserPatch(
      @Email @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 254)
          String email,
      @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String name,
      Role role,
      @Size(min = 8, max = 72) String password) {}
}
