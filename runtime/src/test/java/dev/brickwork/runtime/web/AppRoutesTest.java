package dev.brickwork.runtime.web;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests get the web app's page rather than the API's or a file's answer. */
class AppRoutesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /apps/crm/customer           | browser | true
            GET  | /apps/crm/customer/01a2-b3   | browser | true
            GET  | /tasks                       | browser | true
            GET  | /                            | browser | false
            GET  | /api/v1/apps                 | browser | false
            GET  | /api                         | browser | false
            GET  | /q/health/ready              | browser | false
            GET  | /assets/index-C1enL6EE.js    | browser | false
            GET  | /favicon.ico                 | browser | false
            GET  | /apps/crm/customer           | json    | false
            POST | /apps/crm/customer           | browser | false
            """)
    void onlyABrowsersPageRequestOutsideTheApiIsTheApps(String method, String path, String client, boolean app) {
        String accept = client.equals("browser") ? BROWSER : "application/json";
        assertThat(AppRoutes.isAppRoute(HttpMethod.valueOf(method), path, accept)).isEqualTo(app);
    }
}
