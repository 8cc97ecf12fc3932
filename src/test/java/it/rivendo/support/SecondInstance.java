package it.rivendo.support;

import it.rivendo.RivendoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second shop on the test's database, on a port of its own: what two instances behind
 * one load balancer share (the database) and what they do not (memory, caches, jobs).
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/** Starts another shop with the test profile, on a free port. */
	public static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(RivendoApplication.class).profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run();
	}

	/** The base address the instance answers on. */
	public static String url(ConfigurableApplicationContext instance) {
		return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
