package it.rivendo.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import it.rivendo.shared.Refusal;
import it.rivendo.support.SupportStatus;
import it.rivendo.support.SupportTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A support request's life, each transition guarded: Open → Answered (as often as needed)
 * → Closed for good.
 */
class SupportRequestTests {

	static final Instant WRITTEN = Instant.parse("2026-03-02T10:00:00Z");

	final SupportRequest request = new SupportRequest(7L, " Anna Bianchi ", " anna@example.it ", SupportTopic.CREDIT,
			" ", " La ricarica non è arrivata. ", Locale.ENGLISH, WRITTEN);

	@Test
	void aNewRequestIsOpenWithWhatWasTypedTrimmed() {
		assertThat(request.status()).isEqualTo(SupportStatus.OPEN);
		assertThat(request.fromReseller()).isTrue();
		assertThat(request.senderName()).isEqualTo("Anna Bianchi");
		assertThat(request.senderEmail()).isEqualTo("anna@example.it");
		assertThat(request.orderNumber()).isNull();
		assertThat(request.message()).isEqualTo("La ricarica non è arrivata.");
		assertThat(request.locale()).isEqualTo(Locale.ENGLISH);
		assertThat(request.answers()).isEmpty();
	}

	@Test
	void eachAnswerIsKeptAndTheRequestIsAnswered() {
		SupportAnswer first = request.answer(" Accreditata. ", "staff@test.it", at(1));
		assertThat(first.body()).isEqualTo("Accreditata.");
		assertThat(request.status()).isEqualTo(SupportStatus.ANSWERED);

		request.answer("Anche la fattura è pronta.", "other@test.it", at(2));
		assertThat(request.answers())
			.extracting(SupportAnswer::body, SupportAnswer::answeredBy, SupportAnswer::createdAt)
			.containsExactly(tuple("Accreditata.", "staff@test.it", at(1)),
					tuple("Anche la fattura è pronta.", "other@test.it", at(2)));
		assertThat(request.status()).isEqualTo(SupportStatus.ANSWERED);
	}

	@Test
	void aClosedRequestTakesNoAnswer() {
		request.answer("Accreditata.", "staff@test.it", at(1));
		assertThat(request.close("staff@test.it", at(2))).isTrue();
		assertThat(request.status()).isEqualTo(SupportStatus.CLOSED);
		assertThat(request.closedAt()).isEqualTo(at(2));
		assertThat(request.closedBy()).isEqualTo("staff@test.it");

		assertThatThrownBy(() -> request.answer("Ancora", "staff@test.it", at(3))).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("support.error.closed"));
		assertThat(request.answers()).hasSize(1);
	}

	@Test
	void anOpenRequestCanBeClosedUnansweredAndClosingAgainChangesNothing() {
		assertThat(request.close("staff@test.it", at(1))).isTrue();
		assertThat(request.close("other@test.it", at(2))).isFalse();
		assertThat(request.closedBy()).isEqualTo("staff@test.it");
		assertThat(request.closedAt()).isEqualTo(at(1));
	}

	@Test
	void anAnswerNeedsAText() {
		assertThatThrownBy(() -> request.answer("  ", "staff@test.it", at(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(request.status()).isEqualTo(SupportStatus.OPEN);
	}

	private static Instant at(int hours) {
		return WRITTEN.plus(Duration.ofHours(hours));
	}

}
