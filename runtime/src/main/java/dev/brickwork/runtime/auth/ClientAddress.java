package dev.brickwork.runtime.auth;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request came from, as Vert.x sees it. Behind a reverse proxy set
 * {@code quarkus.http.proxy.proxy-address-forwarding} (and trusted proxies) so this is the client, not the proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return null;
        }
        return request.remoteAddress().hostAddress();
    }
}
