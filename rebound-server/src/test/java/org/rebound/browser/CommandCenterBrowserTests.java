package org.rebound.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rebound.security.Role;
import org.rebound.security.Totp;
import org.rebound.security.UserStore;
import org.rebound.server.ReboundServer;
import org.rebound.storage.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command center in a real headless Chromium, on the demo incident: the administrator logs in
 * with a second factor, watches a process come back live when a system is restored, and an executive
 * sees the same dashboard without any way to change it. Screenshots of the main pages go to
 * docs/screenshots/.
 */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=" + CommandCenterBrowserTests.ADMIN_PASSWORD,
                "rebound.tick-interval=2s"})
class CommandCenterBrowserTests {

    static final String ADMIN_PASSWORD = "browser-test-admin-password";
    static final String PASSWORD = "browser-test-password";

    @LocalServerPort
    int port;

    @Autowired
    UserStore users;

    @Autowired
    PasswordEncoder encoder;

    private WebDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.bootOnFreshH2(registry);
    }

    @BeforeEach
    void openBrowser() {
        Browser.assumeInstalled();
        if (users.find("erin").isEmpty()) {
            users.create("erin", encoder.encode(PASSWORD), Set.of(Role.EXECUTIVE), Instant.now());
        }
        browser = Browser.open(1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorLogsInWithASecondFactorAndWatchesAProcessComeBackLive() {
        browser.get(url("/login"));
        Browser.screenshot(browser, "login");
        logIn("admin", ADMIN_PASSWORD);

        waitFor(ExpectedConditions.urlContains("/account/mfa/enrol"));
        Browser.screenshot(browser, "mfa-enrol");
        String secret = browser.findElement(By.cssSelector("[data-testid=totp-secret]")).getText().replace(" ", "");
        browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=recovery-codes]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=recovery-codes] li"))).hasSize(10);
        browser.findElement(By.linkText("Continue to the dashboard")).click();

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("processes")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Incident: ransomware");
        WebElement connectedCar = state("connected-car-services");
        assertThat(connectedCar.getText()).isEqualTo("down");
        String lossBefore = browser.findElement(By.cssSelector("[data-testid=loss-per-hour]")).getText();
        Browser.screenshot(browser, "dashboard");

        browser.findElement(By.id("system")).sendKeys("vmware-primary");
        new Select(browser.findElement(By.id("state"))).selectByValue("restored");
        browser.findElement(By.id("reason")).sendKeys("Cluster rebuilt from the offline vault and scanned clean");
        browser.findElement(By.cssSelector(".state-form button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-result"), "vmware-primary is now restored."));
        waitFor(driver -> state("connected-car-services").getText().equals("up"));
        waitFor(driver -> !driver.findElement(By.cssSelector("[data-testid=loss-per-hour]")).getText().equals(lossBefore));
        Browser.screenshot(browser, "dashboard-after-restore");

        browser.get(url("/plan"));
        browser.findElement(By.id("replan-reason")).sendKeys("first plan of the browser test");
        new Select(browser.findElement(By.id("time-limit"))).selectByValue("2s");
        browser.findElement(By.cssSelector(".replan-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("replan-result"), "computed"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gantt canvas")));
        Browser.screenshot(browser, "plan");

        browser.get(url("/map"));
        waitFor(driver -> mapNodeAt("system:erp-core") != null);
        Browser.screenshot(browser, "dependency-map");
        clickMapNode("system:erp-core");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-detail [data-testid=root-cause-chains]")));
        assertThat(browser.findElement(By.id("map-detail")).getText()).contains("erp-core", "Why it is down", "Recovery");
        Browser.screenshot(browser, "dependency-map-selected");

        browser.get(url("/systems"));
        browser.findElement(By.id("system-filter")).sendKeys("plant-servers");
        waitFor(driver -> driver.findElements(By.cssSelector("#systems-table tr[data-system]")).size() == 4);
        Browser.screenshot(browser, "systems");
        browser.findElement(By.linkText("north-plant-servers")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("history-title")));
        Browser.screenshot(browser, "system");

        browser.get(url("/users"));
        Browser.screenshot(browser, "users");

        browser.get(url("/incidents"));
        browser.findElement(By.partialLinkText("Ransomware and data theft")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("timeline-title")));
        assertThat(Browser.unlabelledFields(browser)).as("fields without a label on the incident page").isEmpty();
        assertThat(browser.findElement(By.id("attack")).getText()).contains("Scattered Spider (G1015)", "not yet checked");
        Browser.screenshot(browser, "incident");
        browser.findElement(By.xpath("//section[@id='observables']//summary")).click();
        browser.findElement(By.id("text")).sendKeys("hxxp://albion-parts-portal[.]net/invoice\n203.0.113.77");
        browser.findElement(By.xpath("//section[@id='observables']//button[@type='submit']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "2 added"));
        assertThat(browser.findElement(By.id("observables")).getText()).contains("hxxp://albion-parts-portal[.]net/invoice", "203[.]0[.]113[.]77");

        java.nio.file.Path note;
        try {
            note = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("ransom-note", ".txt"), "Your files are encrypted.");
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
        browser.findElement(By.xpath("//section[@id='evidence']/details/summary")).click();
        browser.findElement(By.id("evidence-file")).sendKeys(note.toString());
        browser.findElement(By.id("evidence-source")).sendKeys("north-plant-servers");
        browser.findElement(By.xpath("//section[@id='evidence']/details//button[@type='submit']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "stored, SHA-256"));
        assertThat(browser.findElement(By.id("evidence")).getText()).contains(note.getFileName().toString(),
                "556cdec1ef342373e04c6fbf1322df6a767716ae1f3154a3b1fc4cf1c63e84a7");

        String incident = browser.getCurrentUrl().replaceAll("[?#].*", "");
        browser.get(incident + "/obligations");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=obligations] tr[data-rule=uk-gdpr-art33]")));
        assertThat(browser.findElement(By.cssSelector("tr[data-rule=uk-gdpr-art33]")).getText()).contains("done");
        assertThat(Browser.unlabelledFields(browser)).as("fields without a label on the duties page").isEmpty();
        assertThat(Browser.horizontalOverflow(browser)).as("the duties page scrolls sideways at 1280 px").isZero();
        Browser.screenshot(browser, "obligations");
        browser.get(incident + "/reports");
        assertThat(Browser.unlabelledFields(browser)).as("fields without a label on the reports page").isEmpty();
        assertThat(Browser.horizontalOverflow(browser)).as("the reports page scrolls sideways at 1280 px").isZero();
        Browser.screenshot(browser, "reports");
        browser.get(url("/readiness?scenario=ransomware&faster=ad-core&speed_up=0.25"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=comparison]")));
        assertThat(Browser.unlabelledFields(browser)).as("fields without a label on the readiness page").isEmpty();
        assertThat(Browser.horizontalOverflow(browser)).as("the readiness page scrolls sideways at 1280 px").isZero();
        Browser.screenshot(browser, "readiness");
    }

    @Test
    void everyMainPageFitsA1920PixelWallScreenAndLabelsEveryField() {
        browser.quit();
        browser = Browser.open(1920, 1080);
        browser.get(url("/login"));
        logIn("erin", PASSWORD);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("processes")));
        for (String page : java.util.List.of("/", "/systems", "/map", "/plan", "/systems/erp-core", "/incidents",
                "/readiness?scenario=edi-outage", "/account/password")) {
            browser.get(url(page));
            assertThat(Browser.horizontalOverflow(browser)).as("%s scrolls sideways", page).isZero();
            assertThat(Browser.unlabelledFields(browser)).as("fields without a label on %s", page).isEmpty();
        }
        browser.get(url("/"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#loss-chart canvas")));
        Browser.screenshot(browser, "dashboard-wall-screen");
    }

    @Test
    void anExecutiveSeesTheDashboardButCannotChangeAnything() {
        browser.get(url("/login"));
        logIn("erin", PASSWORD);

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("processes")));
        assertThat(browser.findElements(By.cssSelector(".state-form"))).isEmpty();
        browser.get(url("/systems"));
        assertThat(browser.findElement(By.id("systems")).getText()).contains("vmware-primary");
        browser.get(url("/systems/vmware-primary"));
        assertThat(browser.findElements(By.cssSelector(".state-form"))).isEmpty();
        browser.get(url("/plan"));
        assertThat(browser.findElements(By.cssSelector(".replan-form"))).isEmpty();
    }

    /** Where the map draws a node, in pixels from the map's top left corner, or null before it is drawn. */
    private java.util.List<?> mapNodeAt(String key) {
        return (java.util.List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var key = arguments[0]; var chart = echarts.getInstanceByDom(document.getElementById('map'));"
                        + "if (!chart || !chart.getOption() || !chart.getOption().series) { return null; }"
                        + "var data = chart.getOption().series[0].data;"
                        + "var node = data.find(function (n) { return n.id === key; });"
                        + "if (!node) { return null; }"
                        + "return chart.convertToPixel({ seriesIndex: 0 }, [node.x, node.y]);", key);
    }

    /** Clicks where the node is drawn, as a user does; the map's top is scrolled to the top of the window first. */
    private void clickMapNode(String key) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('map').scrollIntoView(true)");
        java.util.List<?> pixel = mapNodeAt(key);
        java.util.List<?> corner = (java.util.List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var r = document.getElementById('map').getBoundingClientRect(); return [r.left, r.top];");
        int x = (int) Math.round(((Number) corner.get(0)).doubleValue() + ((Number) pixel.get(0)).doubleValue());
        int y = (int) Math.round(((Number) corner.get(1)).doubleValue() + ((Number) pixel.get(1)).doubleValue());
        new org.openqa.selenium.interactions.Actions(browser).moveToLocation(x, y).click().perform();
    }

    private void logIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private WebElement state(String process) {
        return browser.findElement(By.cssSelector("[data-testid=state-" + process + "]"));
    }

    private <T> void waitFor(java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
