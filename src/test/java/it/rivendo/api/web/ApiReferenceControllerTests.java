package it.rivendo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.api.web.ApiReferenceController.Part;
import org.junit.jupiter.api.Test;

class ApiReferenceControllerTests {

	@Test
	void whatStandsBetweenBackquotesIsCode() {
		assertThat(ApiReferenceController.parts("Send `Authorization: Bearer <key>` with `read` keys."))
			.containsExactly(new Part("Send ", false), new Part("Authorization: Bearer <key>", true),
					new Part(" with ", false), new Part("read", true), new Part(" keys.", false));
		assertThat(ApiReferenceController.parts("`cursor`")).containsExactly(new Part("cursor", true));
		assertThat(ApiReferenceController.parts("")).isEmpty();
	}

	@Test
	void aBackquoteLeftOpenIsText() {
		assertThat(ApiReferenceController.parts("a `b")).containsExactly(new Part("a ", false), new Part("b", false));
	}

}
