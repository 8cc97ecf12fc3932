package it.rivendo.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data at start-up in the {@code demo} profile only (not in tests of the
 * demo profile, which state their own data: {@code rivendo.demo.load-data=false}).
 * <p>
 * It loads in the lifecycle phase just before the one that starts the web server
 * ({@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}), so the demo logins
 * exist before the first request is accepted: as an {@code ApplicationRunner} it ran
 * after the server answered, and a sign-in in the first seconds was refused. Loading only
 * fills an empty catalog, so a later start on the kept database changes nothing.
 */
@Component
@Profile("demo")
@ConditionalOnBooleanProperty(name = "rivendo.demo.load-data", matchIfMissing = true)
class DemoDataLoader implements SmartLifecycle {

	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

	private final DemoData demoData;

	private volatile boolean running;

	DemoDataLoader(DemoData demoData) {
		this.demoData = demoData;
	}

	@Override
	public void start() {
		demoData.loadIfEmpty();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
