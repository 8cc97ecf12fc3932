package it.rivendo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signing as the Standard Webhooks spec says, checked against the spec's own example. */
class SignaturesTests {

	@Test
	void theSpecsExampleSignsToTheSpecsSignature() {
		assertThat(Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aNewSecretIsWhsecAnd32RandomBytes() {
		String secret = Signatures.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(Signatures.newSecret()).isNotEqualTo(secret);
		assertThat(Signatures.newMessageId()).matches("msg_[A-Za-z0-9_-]{24}");
	}

}
