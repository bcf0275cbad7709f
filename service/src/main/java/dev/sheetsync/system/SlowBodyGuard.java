package dev.sheetsync.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body whole, within {@link HttpProperties#bodyReadTimeout()} and with at most
 * {@link HttpProperties#maxConcurrentBodyReads()} bodies being read at once, before anything else
 * sees the request. A request thread blocked on a body is lost to everyone else: 210 clients
 * declaring 10,000 bytes and sending one every 4 s (Tomcat's per-read timeout never fires) held all
 * 200 threads, and {@code /actuator/health} stopped answering. Now a slow body costs one of the
 * limited read slots for at most the timeout (then 408), further bodies get 503 at once, and
 * requests without a body (health, pages, reads) always find a thread.
 *
 * <p>Bodies declared larger than {@link RequestBodyLimitFilter#LIMIT} are left to that filter
 * (refused before they are read).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlowBodyGuard extends OncePerRequestFilter {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Duration SLOT_WAIT = Duration.ofMillis(500);

  private final HttpProperties properties;
  private final Semaphore reads;

  SlowBodyGuard(HttpProperties properties) {
    this.properties = properties;
    this.reads = new Semaphore(properties.maxConcurrentBodyReads());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    return (length <= 0 && !chunked) || length > RequestBodyLimitFilter.LIMIT;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!acquire()) {
      request.setAttribute(UnreadBodyValve.DROP_BODY, true);
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      response.setHeader(HttpHeaders.CONNECTION, "close");
      JsonErrors.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Too many uploads; try again");
      return;
    }
    byte[] body;
    try {
      body = readWithin(request.getInputStream());
    } catch (BodyTooSlowException | java.net.SocketTimeoutException e) {
      request.setAttribute(UnreadBodyValve.DROP_BODY, true);
      response.setHeader(HttpHeaders.CONNECTION, "close");
      JsonErrors.write(
          response,
          HttpStatus.REQUEST_TIMEOUT,
          "Request body did not arrive within " + properties.bodyReadTimeout().toSeconds() + " s");
      return;
    } catch (RequestBodyTooLargeException e) {
      request.setAttribute(UnreadBodyValve.DROP_BODY, true);
      response.setHeader(HttpHeaders.CONNECTION, "close");
      JsonErrors.write(
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "Request body exceeds " + RequestBodyLimitFilter.LIMIT_DESCRIPTION);
      return;
    } finally {
      reads.release();
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /** A burst of ordinary bodies waits a moment for a slot; slow senders hold them for longer. */
  private boolean acquire() throws ServletException {
    try {
      return reads.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting to read a request body", e);
    }
  }

  private byte[] readWithin(InputStream in) throws IOException {
    long deadline = System.nanoTime() + properties.bodyReadTimeout().toNanos();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    // Each read blocks at most Tomcat's connection timeout; the deadline bounds the whole body.
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      if (out.size() > RequestBodyLimitFilter.LIMIT) {
        throw new RequestBodyTooLargeException();
      }
      if (System.nanoTime() > deadline) {
        throw new BodyTooSlowException();
      }
    }
    return out.toByteArray();
  }

  private static final class BodyTooSlowException extends IOException {}

  /** The request with its body in memory; form fields are parsed from it (and the query). */
  private static final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        // The container parses the query only: its body stream was consumed by us.
        Map<String, List<String>> merged = new LinkedHashMap<>();
        super.getParameterMap()
            .forEach(
                (k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
        String type = getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
          for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
              continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null) {
              merged.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
            }
          }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        merged.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(result);
      }
      return parameters;
    }

    /** Null for malformed percent-encoding: such a field is dropped, as Tomcat drops it. */
    private String decode(String text) {
      try {
        return URLDecoder.decode(text, charset());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
  }
}
