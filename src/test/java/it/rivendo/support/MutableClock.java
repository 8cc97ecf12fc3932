package it.rivendo.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The shop's clock in integration tests: the real time plus an offset a test moves
 * forward ("120 days later"), set back to the real time before each test by
 * {@link CleanDatabaseExtension}.
 */
@TestComponent
@Primary
public class MutableClock extends Clock {

	private final Clock base = Clock.systemDefaultZone();

	private volatile Duration offset = Duration.ZERO;

	/** Moves the shop's time forward (or back, with a negative amount). */
	public void advance(Duration amount) {
		offset = offset.plus(amount);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(base.withZone(zone), offset);
	}

}
