package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brickwork.runtime.Login;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Records calls from many threads at once (RestAssured's shared configuration is not meant for that): the JDK's
 * client, the admin's token, one form's records.
 */
final class Staff {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and its parsed body (null when empty). */
    record Answer(int status, JsonNode body, String text) {

        boolean serverError() {
            return status >= 500;
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String bearer;

    Staff(String app, String form) {
        this.base = "http://localhost:" + RestAssured.port + "/api/v1/apps/" + app + "/forms/" + form + "/records";
        this.bearer = Login.bearer(Login.admin());
    }

    Answer create(String body) {
        return send(request("").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer patch(String id, String body) {
        return send(request("/" + id).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String id) {
        return send(request("/" + id).GET());
    }

    Answer timeline(String id) {
        return send(request("/" + id + "/timeline").GET());
    }

    Answer list(String query) {
        return send(request(query).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", bearer)
                .header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isEmpty() ? null : JSON.readTree(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
