package dev.sheetsync.system;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, as JSON. Requests Tomcat refuses before Spring sees them (an encoded
 * {@code /} or a NUL in the path, a header over the size limit) would otherwise get Tomcat's HTML
 * "HTTP Status 400" page; clients of {@code /api/**} are promised a JSON {@code {"error": …}} and
 * never HTML. Only the status's reason phrase is written: no server info, no stack trace.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String message = known != null ? known.getReasonPhrase() : "Error";
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(ErrorBody.of(message)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the response already committed: nothing left to tell the client
    }
  }
}
