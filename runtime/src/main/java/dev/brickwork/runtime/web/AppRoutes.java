package dev.brickwork.runtime.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The web app's own paths ({@code /apps/crm/customer/01a2…}, {@code /tasks}) are routes of the single-page app, not
 * files: a browser asking for one gets the app's page, which then draws the screen. REST owns the root path, so
 * without this the browser would get the API's JSON 404. The API ({@code /api}), Quarkus' own ({@code /q}) and files
 * (a last segment with a dot, {@code /assets/…}) are left alone, as is any request that does not accept HTML.
 */
@Singleton
public class AppRoutes {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::toTheApp);
    }

    private void toTheApp(RoutingContext context) {
        String path = context.normalizedPath();
        if (isAppRoute(context.request().method(), path, context.request().getHeader("Accept"))) {
            context.reroute("/");
        } else {
            context.next();
        }
    }

    static boolean isAppRoute(HttpMethod method, String path, String accept) {
        if (method != HttpMethod.GET || path.equals("/") || accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/") || path.equals("/q")
                || path.startsWith("/assets/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
