package dev.sheetsync.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The HTML login form for browsers (the admin console); API clients POST to /login directly. */
@Controller
class LoginPageController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
