package org.rebound.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; .ci/run
 * installs them), driven by Selenium. Tests that need it are skipped, saying why, where it is absent.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");

    private Browser() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does) to run them");
    }

    static WebDriver open(int width, int height) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + Files.createTempDirectory("rebound-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    /** How many pixels the page is wider than the window: 0 when nothing needs scrolling sideways. */
    static long horizontalOverflow(WebDriver driver) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }

    /** The ids (or names) of visible form fields that no label, aria-label or aria-labelledby names. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> unlabelledFields(WebDriver driver) {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(function (f) { return f.type !== 'hidden' && f.offsetParent !== null; })"
                        + ".filter(function (f) { return f.labels.length === 0 && !f.getAttribute('aria-label')"
                        + "  && !f.getAttribute('aria-labelledby'); })"
                        + ".map(function (f) { return f.id || f.name; });");
    }

    /** Saves what the browser shows, from the top of the page, as docs/screenshots/{name}.png. */
    static void screenshot(WebDriver driver, String name) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
