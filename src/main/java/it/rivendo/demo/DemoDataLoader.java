package it.rivendo.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data at start-up in the {@code demo} profile only (not in tests of the
 * demo profile, which state their own data: {@code rivendo.demo.load-data=false}).
 */
@Component
@Profile("demo")
@ConditionalOnBooleanProperty(name = "rivendo.demo.load-data", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

	private final DemoData demoData;

	DemoDataLoader(DemoData demoData) {
		this.demoData = demoData;
	}

	@Override
	public void run(ApplicationArguments args) {
		demoData.loadIfEmpty();
	}

}
