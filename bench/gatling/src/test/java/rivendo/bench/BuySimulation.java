package rivendo.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Buy, as fast as it goes: BUYERS resellers (each its own, so no two share a cart) log in, then for DURATION
 * seconds put a product in the cart from the catalog, open the checkout (token, expected total and their own
 * billing data are in the form) and pay. No think time: this measures the shop's checkout throughput.
 */
public class BuySimulation extends Simulation {

	static final int BUYERS = Integer.getInteger("buyers", 10);

	ScenarioBuilder buy = scenario("buy")
		// buyers use other resellers than browsers, from the end of the list
		.exec(feed(Shop.resellers(Shop.RESELLERS - BUYERS)))
		.exec(Shop.login())
		.exitHereIfFailed()
		.during(Duration.ofSeconds(Shop.DURATION))
		.on(exec(feed(Shop.products()))
			.exec(http("cart form").get("/products/#{product}").check(status().is(200)).check(Shop.csrfOfPage()))
			.exec(http("add to cart").post("/cart/items")
				.formParam("product", "#{product}")
				.formParam("mode", "SPID")
				.formParam("_csrf", "#{csrf}")
				.check(status().is(200))
				.check(io.gatling.javaapi.http.HttpDsl.currentLocationRegex(".*/cart$").exists()))
			.exec(http("checkout form").get("/checkout")
				.check(status().is(200))
				.check(form("form[data-testid='checkout-form']").saveAs("checkout"))
				.check(css("input[name='token']", "value").exists()))
			.exec(http("pay").post("/checkout")
				.form("#{checkout}")
				.formParam("confirmed", "true")
				.check(status().is(200))
				.check(Shop.completed())));

	{
		setUp(buy.injectOpen(rampUsers(BUYERS).during(Duration.ofSeconds(Math.min(Shop.RAMP, 2)))))
			.protocols(Shop.protocol())
			.maxDuration(Duration.ofSeconds(Shop.DURATION + 60))
			.assertions(global().failedRequests().count().is(0L));
	}
}
