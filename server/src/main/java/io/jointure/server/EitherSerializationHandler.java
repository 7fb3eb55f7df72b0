package io.jointure.server;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Serves both of Avatica's serializations on one URL, so a client's
 * {@code serialization=protobuf} or {@code serialization=json} works against the same address.
 * Avatica's own handlers each speak one; this one reads the request and hands it to the right
 * one: a JSON request is an object ({@code {...}}), a protobuf request is a {@code WireMessage}
 * whose first byte is the tag of its name field (0x0A), never '{'.
 *
 * <p>Requests from web browsers are refused: JDBC clients send no {@code Origin} header, and a
 * server listening on 127.0.0.1 answers only requests addressed to this machine's names, so a
 * web page (directly, or through a DNS name rebound to 127.0.0.1) cannot query the sources.
 */
final class EitherSerializationHandler extends AbstractHandler implements AvaticaHandler {
  private final AvaticaJsonHandler json;
  private final AvaticaProtobufHandler protobuf;
  private final boolean loopbackOnly;

  EitherSerializationHandler(Service service, boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
    this.json = new AvaticaJsonHandler(service, NoopMetricsSystem.getInstance(), null);
    this.protobuf = new AvaticaProtobufHandler(service, NoopMetricsSystem.getInstance(), null);
    addBean(json);
    addBean(protobuf);
  }

  @Override
  public void setServer(Server server) {
    super.setServer(server);
    json.setServer(server);
    protobuf.setServer(server);
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    String refused = refusal(request);
    if (refused != null) {
      baseRequest.setHandled(true);
      response.sendError(HttpServletResponse.SC_FORBIDDEN, refused);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      // Only Avatica's JSON protocol has a GET form (?request=...); it also answers the rest.
      json.handle(target, baseRequest, request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest replayed = new ReplayedBodyRequest(request, body);
    if (isJson(body)) {
      json.handle(target, baseRequest, replayed, response);
    } else {
      protobuf.handle(target, baseRequest, replayed, response);
    }
  }

  /** Why a request is refused, or null. */
  private String refusal(HttpServletRequest request) {
    if (request.getHeader("Origin") != null) {
      return "requests from web pages are refused; connect with a JDBC client";
    }
    if (loopbackOnly) {
      String host = request.getServerName();
      if (host != null && !host.equals("localhost") && !host.equals("127.0.0.1")
          && !host.equals("[::1]") && !host.equals("::1")) {
        return "this server answers requests to localhost only (it listens on a loopback"
            + " address); connect to 127.0.0.1";
      }
    }
    return null;
  }

  private static boolean isJson(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  @Override
  public void setServerRpcMetadata(Service.RpcMetadataResponse metadata) {
    json.setServerRpcMetadata(metadata);
    protobuf.setServerRpcMetadata(metadata);
  }
}
