package rivendo.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What both scenarios share: settings, the reseller feeder and logging in. Settings come from -D properties. */
final class Shop {

	static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
	static final int USERS = Integer.getInteger("users", 50);
	static final int DURATION = Integer.getInteger("duration", 30);
	static final int RAMP = Integer.getInteger("ramp", 5);
	static final double PAUSE = Double.parseDouble(System.getProperty("pause", "1.0"));
	static final int RESELLERS = Integer.getInteger("resellers", 100);
	static final int PRODUCTS = Integer.getInteger("products", 100);
	static final String PASSWORD = System.getProperty("password", "demo1234");

	private Shop() {
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(BASE)
			.acceptHeader("text/html,application/xhtml+xml")
			.acceptLanguageHeader("it-IT,it;q=0.9")
			.userAgentHeader("rivendo-bench (Gatling)");
	}

	/** Each virtual user is another reseller (r1..rN@bench.rivendo.it), round robin. */
	static Iterator<Map<String, Object>> resellers(int offset) {
		AtomicInteger next = new AtomicInteger(offset);
		Supplier<Map<String, Object>> one = () -> Map.of("email",
				"r" + (Math.floorMod(next.getAndIncrement(), RESELLERS) + 1) + "@bench.rivendo.it");
		return Stream.generate(one).iterator();
	}

	static Iterator<Map<String, Object>> products() {
		Supplier<Map<String, Object>> one = () -> Map.of("product",
				"BENCH-%04d".formatted(ThreadLocalRandom.current().nextInt(PRODUCTS) + 1));
		return Stream.generate(one).iterator();
	}

	/** The login form's CSRF token, then the form post; the session cookie is kept by Gatling. */
	static ChainBuilder login() {
		return exec(http("login form").get("/login").check(status().is(200))
			.check(css("input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("login").post("/login")
				.formParam("email", "#{email}")
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.disableFollowRedirect()
				.check(status().is(302))
				.check(io.gatling.javaapi.http.HttpDsl.header("Location").not(BASE + "/login?error"))
				.check(io.gatling.javaapi.http.HttpDsl.header("Location").not("/login?error")));
	}

	/** The CSRF token of the page just loaded (every form of the shop carries one). */
	static io.gatling.javaapi.core.CheckBuilder.Final csrfOfPage() {
		return css("input[name='_csrf']", "value").saveAs("csrf");
	}

	static io.gatling.javaapi.core.CheckBuilder.Final completed() {
		return currentLocationRegex(".*/orders/([^/]+)/completed").saveAs("order");
	}

	static io.gatling.javaapi.core.CheckBuilder.Final contains(String text) {
		return substring(text).exists();
	}
}
