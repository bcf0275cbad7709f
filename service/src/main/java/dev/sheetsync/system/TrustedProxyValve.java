package dev.sheetsync.system;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.ValveBase;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only when the
 * connection comes from a configured proxy ({@link HttpProperties#trustedProxies()}). Tomcat's own
 * {@code RemoteIpValve}, as Spring Boot sets it up, trusts every loopback and private-network
 * client: anyone on the office network could rotate {@code X-Forwarded-For} for fresh login
 * throttle budgets, or send {@code X-Forwarded-Host: evil.example} and get redirects there.
 *
 * <p>The client address is the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (entries to its left were written by the client and prove nothing). An entry that
 * is not an IP address ends the walk and the connection's address is kept; no name is resolved.
 */
final class TrustedProxyValve extends ValveBase {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private final NetMaskSet proxies;

  TrustedProxyValve(NetMaskSet proxies) {
    super(true);
    this.proxies = proxies;
  }

  /**
   * @throws IllegalArgumentException naming the entries of {@code list} that are no address or
   *     range
   */
  static NetMaskSet parse(String list) {
    NetMaskSet set = new NetMaskSet();
    if (list == null || list.isBlank()) {
      return set;
    }
    List<String> errors = set.addAll(list);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "SHEETSYNC_TRUSTED_PROXIES holds entries that are no IP address or CIDR range: "
              + errors);
    }
    return set;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (proxies.isEmpty() || !trusted(request.getRemoteAddr())) {
      getNext().invoke(request, response);
      return;
    }
    String remoteAddr = request.getRemoteAddr();
    String remoteHost = request.getRemoteHost();
    boolean secure = request.isSecure();
    String scheme = request.getCoyoteRequest().scheme().toString();
    String serverName = request.getCoyoteRequest().serverName().toString();
    int serverPort = request.getServerPort();
    try {
      String client = client(values(request, "X-Forwarded-For"));
      if (client != null) {
        request.setRemoteAddr(client);
        request.setRemoteHost(client);
      }
      String proto = last(values(request, "X-Forwarded-Proto"));
      if (proto != null) {
        boolean https = proto.equalsIgnoreCase("https");
        request.setSecure(https);
        request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
        request.setServerPort(https ? 443 : 80);
      }
      String host = last(values(request, "X-Forwarded-Host"));
      if (host != null) {
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > 0 && host.indexOf(']', colon) < 0 && host.indexOf(':') == colon;
        request
            .getCoyoteRequest()
            .serverName()
            .setString(hasPort ? host.substring(0, colon) : host);
        if (hasPort) {
          setPort(request, host.substring(colon + 1));
        }
      }
      String port = last(values(request, "X-Forwarded-Port"));
      if (port != null) {
        setPort(request, port);
      }
      getNext().invoke(request, response);
    } finally {
      request.setRemoteAddr(remoteAddr);
      request.setRemoteHost(remoteHost);
      request.setSecure(secure);
      request.getCoyoteRequest().scheme().setString(scheme);
      request.getCoyoteRequest().serverName().setString(serverName);
      request.setServerPort(serverPort);
    }
  }

  private String client(List<String> forwardedFor) {
    for (int i = forwardedFor.size() - 1; i >= 0; i--) {
      String hop = forwardedFor.get(i);
      if (hop.startsWith("[") && hop.endsWith("]")) {
        hop = hop.substring(1, hop.length() - 1);
      }
      if (!IP_LITERAL.matcher(hop).matches()) {
        return null;
      }
      if (!trusted(hop)) {
        return hop;
      }
    }
    return forwardedFor.isEmpty() ? null : forwardedFor.get(0);
  }

  private boolean trusted(String address) {
    if (address == null || !IP_LITERAL.matcher(address).matches()) {
      return false;
    }
    try {
      return proxies.contains(address);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Every comma-separated value of every header line called {@code name}, in order. */
  private static List<String> values(Request request, String name) {
    List<String> values = new ArrayList<>();
    for (String line : Collections.list(request.getHeaders(name))) {
      for (String value : line.split(",")) {
        if (!value.isBlank()) {
          values.add(value.strip());
        }
      }
    }
    return values;
  }

  /** The value the nearest proxy wrote. */
  private static String last(List<String> values) {
    return values.isEmpty() ? null : values.get(values.size() - 1).toLowerCase(Locale.ROOT);
  }

  private static void setPort(Request request, String port) {
    try {
      int value = Integer.parseInt(port);
      if (value > 0 && value < 65536) {
        request.setServerPort(value);
      }
    } catch (NumberFormatException ignored) {
      // a port that is no number is left as it was
    }
  }
}
