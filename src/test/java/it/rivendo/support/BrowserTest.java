package it.rivendo.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import it.rivendo.demo.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test in a real headless Chromium (Debian's {@code /usr/bin/chromium},
 * driven by Playwright) against the shop on a random port, with the demo data loaded
 * fresh before each test (unless {@link #demoData()} says no). The {@code test} profile
 * has no simulated providers: a test of the demo's simulated card or identification adds
 * the {@code demo} profile. Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
public abstract class BrowserTest {

	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	/**
	 * The HTML of every page a screenshot was taken of, for the Nu HTML checker
	 * ({@code NuHtmlCheckIT}, {@code scripts/quality.sh}).
	 */
	public static final Path PAGES = Paths.get("target", "pages");

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	protected int port;

	@Autowired
	protected DemoData demoData;

	protected BrowserContext context;

	protected Page page;

	/**
	 * One Chromium for all the browser tests of the JVM, launched by the first of them
	 * and closed when the JVM ends: each test has its own {@link BrowserContext}
	 * (cookies, storage, viewport), so sharing the browser shares nothing a test sees.
	 * Launching it for each test class cost 1 to 3 s a class.
	 */
	@BeforeAll
	static synchronized void launchBrowser() throws Exception {
		if (browser != null && browser.isConnected()) {
			return;
		}
		if (playwright != null) {
			// the shared Chromium crashed: the classes after it get a new one
			playwright.close();
		}
		if (!Files.isExecutable(Paths.get(CHROMIUM))) {
			String missing = "No Chromium at " + CHROMIUM
					+ ": install it with 'apt-get install -y chromium chromium-driver' (or set CHROMIUM_PATH)";
			// a newcomer's machine skips the browser tests, saying why; CI must run them
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(missing);
			}
			Assumptions.abort(missing + "; the real-browser tests are skipped.");
		}
		Files.createDirectories(SCREENSHOTS);
		Files.createDirectories(PAGES);
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(CHROMIUM))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run")));
		Playwright launched = playwright;
		Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "close-chromium"));
	}

	@BeforeEach
	void openPage() {
		if (demoData()) {
			demoData.loadIfEmpty();
		}
		context = newContext(1366, 900);
		page = context.newPage();
	}

	/** Whether the test starts from the demo data; else from an empty database. */
	protected boolean demoData() {
		return true;
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
	}

	protected BrowserContext newContext(int width, int height) {
		BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setLocale("it-IT")
			// Bootstrap scrolls smoothly unless the user asks for reduced motion; a click
			// during the smooth scroll
			// to the error summary (which takes focus) lands on whatever is under the
			// pointer by then
			.setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE)
			.setBaseURL("http://localhost:" + port));
		fresh.setDefaultTimeout(15_000);
		return fresh;
	}

	/**
	 * "Acquista" on a product and mode of the catalog, then the cart and the checkout
	 * with the billing data as they come, confirmed and paid.
	 */
	protected static void buyOne(Page on, String productCode, String mode) {
		on.navigate("/catalog");
		addToCart(on, productCode, mode);
		on.getByTestId("proceed").click();
		on.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		on.getByTestId("pay").click();
	}

	/**
	 * On the catalog page: the product's mode chosen, then its "Acquista" (one unit).
	 */
	protected static void addToCart(Page catalog, String productCode, String mode) {
		catalog.locator("[data-product='" + productCode + "'] [data-mode='" + mode + "'] input").check();
		catalog.locator("[data-product='" + productCode + "'] .btn-buy").click();
	}

	/**
	 * The end customer's data on the activation page (Laura Bianchi), both consents
	 * given, sent to identification.
	 */
	protected static void sendActivationData(Page phone) {
		phone.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Laura");
		phone.getByLabel("Cognome").fill("Bianchi");
		phone.getByLabel("Codice fiscale").fill("BNCLRA70A41H501B");
		phone.getByLabel("Cellulare").fill("+39 333 1234567");
		phone.getByLabel("Ho letto l'informativa sulla privacy", new Page.GetByLabelOptions().setExact(false)).check();
		phone.getByLabel("Accetto le condizioni generali del servizio").check();
		phone.getByTestId("start-identification").click();
	}

	protected void login(Page on, String email) {
		login(on, email, DemoData.PASSWORD);
	}

	protected void login(Page on, String email, String password) {
		on.navigate("/login");
		on.getByLabel("E-mail").fill(email);
		on.getByLabel("Password").fill(password);
		on.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Accedi").setExact(true))
			.click();
		on.waitForURL(url -> !url.contains("/login"));
	}

	/** Fails when the page scrolls sideways, naming the elements that stick out. */
	protected static void assertNoHorizontalScroll(Page on) {
		Object offenders = on.evaluate("""
				() => {
				  const width = document.documentElement.clientWidth;
				  if (document.documentElement.scrollWidth <= width) return '';
				  return [...document.querySelectorAll('body *')]
				    .filter(e => e.getBoundingClientRect().right > width + 1)
				    .slice(0, 8)
				    .map(e => e.tagName + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right))
				    .join('; ');
				}""");
		org.assertj.core.api.Assertions.assertThat(offenders)
			.as("elements wider than the viewport on " + on.url())
			.isEqualTo("");
	}

	/**
	 * Runs axe-core (WCAG 2.x A and AA rules) in the page and fails on any serious or
	 * critical violation, naming the rule and the elements.
	 */
	protected static void assertAccessible(Page on) {
		// wrapped in a function, the library installs window.axe without going through
		// eval (which the CSP forbids)
		on.evaluate("() => {\n" + axeSource() + "\n}");
		Object violations = on.evaluate(
				"""
						async () => {
						  const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
						  return result.violations
						    .filter(v => v.impact === 'serious' || v.impact === 'critical')
						    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -> '
						        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
						    .join(' || ');
						}""");
		org.assertj.core.api.Assertions.assertThat(violations)
			.as("accessibility violations on " + on.url())
			.isEqualTo("");
	}

	/**
	 * Fails when a visible button, input or menu entry is smaller than 44 px high: too
	 * small for a thumb.
	 */
	protected static void assertTapTargets(Page on) {
		Object small = on.evaluate("""
				() => [...document.querySelectorAll('button, .btn, select, .nav-link, .dropdown-item, '
				      + 'input:not([type=hidden]):not([type=checkbox]):not([type=radio])')]
				  .filter(e => e.offsetParent !== null && !e.closest('.visually-hidden, .visually-hidden-focusable'))
				  .filter(e => e.getBoundingClientRect().height < 44)
				  .slice(0, 8)
				  .map(e => e.tagName + '.' + e.className + ' "' + (e.textContent || e.name || '').trim().slice(0, 30)
				      + '" h=' + Math.round(e.getBoundingClientRect().height))
				  .join('; ')""");
		org.assertj.core.api.Assertions.assertThat(small).as("tap targets under 44 px on " + on.url()).isEqualTo("");
	}

	private static String axe;

	private static synchronized String axeSource() {
		if (axe == null) {
			try (var in = BrowserTest.class
				.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
				axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (java.io.IOException | NullPointerException ex) {
				throw new IllegalStateException("axe-core WebJar not on the test classpath", ex);
			}
		}
		return axe;
	}

	/**
	 * A screenshot named after the step, to look at after the run: the whole page, or the
	 * first screen on a phone; the page's HTML as the browser holds it goes to
	 * {@link #PAGES} under the same name.
	 */
	protected void screenshot(Page on, String name) {
		boolean phone = on.viewportSize() != null && on.viewportSize().width < 600;
		on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(!phone));
		savePage(on, name);
	}

	private static void savePage(Page on, String name) {
		try {
			Files.writeString(PAGES.resolve(name + ".html"), on.content(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
