package dev.sheetsync.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers whatever the servlet container forwards to {@code /error} (errors raised outside Spring
 * MVC) with the same JSON shape as {@link ApiErrors}, replacing Boot's HTML "Whitelabel" page. The
 * reason phrase only: never the exception or a stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer i && HttpStatus.resolve(i) != null
            ? HttpStatus.valueOf(i)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    // Same wording as ApiErrors: "Not found", "Internal server error".
    String phrase = status.getReasonPhrase();
    String message = phrase.charAt(0) + phrase.substring(1).toLowerCase(java.util.Locale.ROOT);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBody.of(message));
  }
}
