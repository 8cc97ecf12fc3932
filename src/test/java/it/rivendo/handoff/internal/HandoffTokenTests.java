package it.rivendo.handoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A handoff token is open for its validity, then expired; used once, never twice. */
class HandoffTokenTests {

	static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	HandoffToken token = HandoffToken.issue("t".repeat(64), "c".repeat(64), 7, "session", "/cart", NOW,
			Duration.ofMinutes(5), "Mozilla");

	@Test
	void isOpenUntilItsValidityIsOver() {
		assertThat(token.status(NOW)).isEqualTo(HandoffStatus.OPEN);
		assertThat(token.status(NOW.plusSeconds(299))).isEqualTo(HandoffStatus.OPEN);
		assertThat(token.status(NOW.plusSeconds(300))).isEqualTo(HandoffStatus.EXPIRED);
		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void isUsedOnce() {
		token.use(NOW.plusSeconds(10), "phone");
		assertThat(token.status(NOW.plusSeconds(10))).isEqualTo(HandoffStatus.USED);
		assertThatThrownBy(() -> token.use(NOW.plusSeconds(11), "another phone")).isInstanceOf(Refusal.class);
	}

	@Test
	void anExpiredTokenCannotBeUsed() {
		assertThatThrownBy(() -> token.use(NOW.plusSeconds(300), "phone")).isInstanceOf(Refusal.class);
		assertThat(token.status(NOW.plusSeconds(300))).isEqualTo(HandoffStatus.EXPIRED);
	}

	@Test
	void aPathTooLongForItsColumnIsNotIssued() {
		assertThatThrownBy(() -> HandoffToken.issue("t".repeat(64), "c".repeat(64), 7, "session",
				"/catalog?q=" + "x".repeat(500), NOW, Duration.ofMinutes(5), "Mozilla"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void longUserAgentsAreCutToTheirColumn() {
		token.use(NOW, "x".repeat(2000)); // nothing to assert beyond no failure: the
											// column holds 500
		assertThat(token.status(NOW)).isEqualTo(HandoffStatus.USED);
	}

}
