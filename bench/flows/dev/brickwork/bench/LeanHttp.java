package dev.brickwork.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The API side's HTTP client: Vert.x's (on the server's class path already), keep-alive HTTP/1.1, one event loop.
 * The JDK's HttpClient spends a few milliseconds of CPU per approval on this 2-core machine, CPU the server and
 * PostgreSQL then lack; a client on another machine would cost them nothing. The bare side has no client at all.
 */
final class LeanHttp implements AutoCloseable {

    /** A status and a body. */
    record Answer(int status, String body) {
    }

    private final Vertx vertx;
    private final HttpClient client;

    LeanHttp(String baseUrl, int connections) {
        URI base = URI.create(baseUrl);
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    Answer send(HttpMethod method, String path, String bearer, String json) throws Exception {
        return client.request(method, path).compose(request -> {
                    request.putHeader("Authorization", "Bearer " + bearer);
                    if (json == null) {
                        return request.send();
                    }
                    request.putHeader("Content-Type", "application/json");
                    return request.send(Buffer.buffer(json));
                })
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
