package dev.brickwork.runtime.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium driven by Playwright (docs/decisions/0031): no browser download, the launch flags of
 * STACK-NOTES, one context per person so each has a session of their own, screenshots under
 * {@code target/screenshots}.
 */
final class StaffBrowser implements AutoCloseable {

    static final String PASSWORD = "demo-1234";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Path SHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final String root;

    StaffBrowser(String root) {
        Path chromium = Paths.get(System.getenv().getOrDefault("BRICKWORK_CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("the browser tests need chromium at %s (apt-get install chromium fonts-noto-cjk; .ci/run does)", chromium)
                .isTrue();
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
    }

    /** A signed-in page for {@code username}, its browser set to {@code locale}, {@code width} pixels wide. */
    Page signedIn(String username, String locale, int width) {
        return signedIn(username, PASSWORD, locale, width);
    }

    /** The same, for someone whose password is not the sample staff's (the bootstrap admin). */
    Page signedIn(String username, String password, String locale, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, width < 600 ? 844 : 900));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(root + "/login");
        page.getByTestId("login-username").fill(username);
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        page.getByTestId("home").waitFor();
        return page;
    }

    String url(String path) {
        return root + path;
    }

    /** Picks {@code option} in the Element Plus select inside {@code field}, typing {@code query} first when given. */
    static void choose(Page page, Locator field, String query, String option) {
        field.locator(".el-select__wrapper").click();
        if (query != null) {
            field.locator("input").fill(query);
        }
        Locator item = page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option));
        item.first().click();
        closed(page);
    }

    /** Ticks {@code option} in the multiple select inside {@code field}, which stays open until Escape closes it. */
    static void chooseAlso(Page page, Locator field, String option) {
        field.locator(".el-select__wrapper").click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
        page.keyboard().press("Escape");
        closed(page);
    }

    /** Waits for the dropdown to close: it fades out, and its items would otherwise answer the next pick. */
    private static void closed(Page page) {
        page.waitForFunction("![...document.querySelectorAll('.el-select-dropdown')].some(e => e.offsetParent !== null)");
    }

    /** The first option the select inside {@code field} offers. */
    static void chooseFirst(Page page, Locator field) {
        field.locator(".el-select__wrapper").click();
        page.locator(".el-select-dropdown__item:visible").first().click();
        closed(page);
    }

    /**
     * Drags {@code from} onto {@code to} with real pointer events, as a person would: pressed, moved a little to start
     * the drag, carried in steps to the point {@code xFraction} across the target (scrolled into view), let go.
     */
    static void drag(Page page, Locator from, Locator to, double xFraction) {
        from.scrollIntoViewIfNeeded();
        BoundingBox start = from.boundingBox();
        page.mouse().move(start.x + start.width / 2, start.y + start.height / 2);
        page.mouse().down();
        page.mouse().move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 12, new Mouse.MoveOptions().setSteps(3));
        to.scrollIntoViewIfNeeded();
        BoundingBox end = to.boundingBox();
        page.mouse().move(end.x + end.width * xFraction, end.y + end.height / 2, new Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }

    /** A screenshot once nothing on the page is still loading. */
    static void shot(Page page, String name) {
        page.waitForFunction("![...document.querySelectorAll('.el-loading-mask')].some(e => e.offsetParent !== null)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    static Locator visible(Locator locator) {
        locator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return locator;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
