package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Limits per subject, counted in the database: exact under a race, and forgotten when
 * old.
 */
@IntegrationTest
class ThrottleIT {

	static final Throttle.Limit THREE_AN_HOUR = new Throttle.Limit("test", 3, Duration.ofHours(1));

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twentyTwinsRacingForThreeSlotsTakeExactlyThree() throws Exception {
		List<Boolean> taken = Race.run(20, i -> throttle.take(THREE_AN_HOUR, "198.51.100.1").isEmpty());
		assertThat(taken.stream().filter(Boolean::booleanValue).count()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from throttle_event").query(Long.class).single()).isEqualTo(3);
		// other subjects and other limits are counted apart; subjects ignore case
		assertThat(throttle.take(THREE_AN_HOUR, "198.51.100.2")).isEmpty();
		assertThat(throttle.take(new Throttle.Limit("other", 3, Duration.ofHours(1)), "198.51.100.1")).isEmpty();
		assertThat(throttle.take(THREE_AN_HOUR, "Mario@Example.it")).isEmpty();
		assertThat(jdbc.sql("select subject from throttle_event where subject like '%@%'").query(String.class).single())
			.isEqualTo("mario@example.it");
	}

	@Test
	void aSlotFreesWhenTheOldestEventLeavesTheWindow() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.take(THREE_AN_HOUR, "x")).isEmpty();
			jdbc.sql("update throttle_event set at = at - interval '10 minutes'").update();
		}
		Optional<Instant> full = throttle.take(THREE_AN_HOUR, "x");
		// the oldest was taken 30 minutes ago: a slot frees in 30 minutes
		assertThat(full).hasValueSatisfying(until -> assertThat(Duration.between(Instant.now(), until))
			.isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31)));
		jdbc.sql("update throttle_event set at = at - interval '31 minutes'").update();
		assertThat(throttle.take(THREE_AN_HOUR, "x")).isEmpty();
	}

	@Test
	void theHourlyCleanUpForgetsEventsOlderThanTwoDays() {
		throttle.take(THREE_AN_HOUR, "old");
		throttle.take(THREE_AN_HOUR, "recent");
		jdbc.sql("update throttle_event set at = at - interval '49 hours' where subject = 'old'").update();
		assertThat(throttle.forgetOld()).isEqualTo(1);
		assertThat(jdbc.sql("select subject from throttle_event").query(String.class).list()).containsExactly("recent");
	}

}
