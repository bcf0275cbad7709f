package dev.sheetsync.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ErrorBody} straight to a servlet response, for code that runs outside Spring MVC
 * (filters, security entry points) and so cannot rely on {@link ApiErrors}.
 */
public final class JsonErrors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonErrors() {}

  public static void write(HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(ErrorBody.of(message)));
    response.flushBuffer();
  }
}
