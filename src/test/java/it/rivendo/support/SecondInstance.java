package it.rivendo.support;

import it.rivendo.RivendoApplication;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A second shop on the test's database, on a port of its own: what two instances behind
 * one load balancer share (the database) and what they do not (memory, caches, jobs).
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/** Starts another shop with the test profile, on a free port. */
	public static ConfigurableApplicationContext start() {
		return builder().run();
	}

	/**
	 * Starts another shop with the test profile, on a free port, whose time is the given
	 * clock (the test's {@link MutableClock}, so that moving it moves both instances) and
	 * with these properties ({@code name=value}) over the configuration's, as the first
	 * instance's {@code @SpringBootTest(properties)} are.
	 */
	public static ConfigurableApplicationContext start(Clock clock, String... properties) {
		return builder()
			.initializers(context -> ((GenericApplicationContext) context).registerBean("sharedClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run(Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
	}

	/** The base address the instance answers on. */
	public static String url(ConfigurableApplicationContext instance) {
		return "http://localhost:" + port(instance);
	}

	/** The port the instance answers on. */
	public static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/**
	 * What {@link #start()} runs, for a test that starts the shop its own way: more
	 * profiles, its own listeners ({@code builder().profiles("demo").run(...)}).
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(RivendoApplication.class).profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off");
	}

}
