package dev.sheetsync.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The service's root is the console: people open the bare address (and the login form sends them
 * back to where they started), which otherwise answered {@code {"error":"Not found"}}.
 */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:/admin";
  }
}
