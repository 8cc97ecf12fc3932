package rivendo.bench;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Browse: USERS resellers log in, then for DURATION seconds read the catalog, a product page and their customer
 * area (services, credit), with PAUSE seconds of think time between pages.
 * <p>
 * Logins are spread over RAMP seconds and each reseller starts browsing RAMP + 2 seconds after it arrived, so the
 * pages are measured with all USERS signed in and browsing, not while the others are still logging in (a login
 * hashes the password with bcrypt: 50 of them in 5 seconds keep a core busy, which is not how a shop's day starts).
 * The logins keep their own rows in the report.
 */
public class BrowseSimulation extends Simulation {

	ScenarioBuilder browse = scenario("browse")
		.exec(feed(Shop.resellers(0)))
		.exec(session -> session.set("arrived", System.currentTimeMillis()))
		.exec(Shop.login())
		.exitHereIfFailed()
		.pause(session -> Duration.ofMillis(
				Math.max(0, session.getLong("arrived") + (Shop.RAMP + 2) * 1000L - System.currentTimeMillis())))
		.during(Duration.ofSeconds(Shop.DURATION))
		.on(exec(feed(Shop.products()))
			.exec(http("catalog").get("/catalog").check(status().is(200)).check(Shop.contains("data-testid=\"catalog\"")))
			.pause(Duration.ofMillis((long) (Shop.PAUSE * 1000)))
			.exec(http("product page").get("/products/#{product}").check(status().is(200)))
			.pause(Duration.ofMillis((long) (Shop.PAUSE * 1000)))
			.exec(http("account services").get("/account/services").check(status().is(200)))
			.pause(Duration.ofMillis((long) (Shop.PAUSE * 1000)))
			.exec(http("account credit").get("/account/credit").check(status().is(200)))
			.pause(Duration.ofMillis((long) (Shop.PAUSE * 1000))));

	{
		setUp(browse.injectOpen(rampUsers(Shop.USERS).during(Duration.ofSeconds(Shop.RAMP))))
			.protocols(Shop.protocol())
			.maxDuration(Duration.ofSeconds(Shop.DURATION + Shop.RAMP + 60))
			.assertions(global().failedRequests().count().is(0L));
	}
}
