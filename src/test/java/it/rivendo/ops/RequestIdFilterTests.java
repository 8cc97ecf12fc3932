package it.rivendo.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdFilterTests {

	@Test
	void keepsSaneIdsAndReplacesTheRest() {
		assertThat(RequestIdFilter.requestIdOf("a1-B2_c3.d4:e5")).isEqualTo("a1-B2_c3.d4:e5");
		assertThat(RequestIdFilter.requestIdOf(null)).hasSize(36);
		assertThat(RequestIdFilter.requestIdOf("")).hasSize(36);
		assertThat(RequestIdFilter.requestIdOf("bad id")).hasSize(36);
		assertThat(RequestIdFilter.requestIdOf("<script>")).hasSize(36);
		assertThat(RequestIdFilter.requestIdOf("x".repeat(64))).isEqualTo("x".repeat(64));
		assertThat(RequestIdFilter.requestIdOf("x".repeat(65))).hasSize(36);
	}

}
