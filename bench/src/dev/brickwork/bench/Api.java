package dev.brickwork.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests to the server's HTTP API: logging in, authorised requests, and the bits of JSON the benchmark needs. */
final class Api {

    private final String baseUrl;
    private String adminToken;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in as the admin; later {@link #authed(String)} requests carry the admin's token. */
    void loginAsAdmin(String password) throws Exception {
        adminToken = login("admin", password);
    }

    String adminToken() {
        return adminToken;
    }

    String login(String username, String password) throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": " + json(username) + ", \"password\": "
                        + json(password) + "}"))
                .build(), 200, "login as " + username);
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("login answered without a token: " + response.body());
        }
        return m.group(1);
    }

    HttpRequest.Builder authed(String path) {
        return authed(path, adminToken);
    }

    HttpRequest.Builder authed(String path, String bearer) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(60));
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** The {@code total} of a {@code count=true} list request. */
    long total(HttpClient http, String path, String bearer) throws Exception {
        HttpResponse<String> response = send(http, authed(path, bearer).GET().build(), 200, "count");
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("count=true answered without a total: " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** Sends a setup request, which must be answered with {@code status}. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, int status, String what) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static UUID firstId(String body) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return UUID.fromString(m.group(1));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
