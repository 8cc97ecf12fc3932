package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.AntPathMatcher;

class StaticResourcesTests {

	private final StaticResources.AssetPatterns patterns = new StaticResources.AssetPatterns();

	private final AntPathMatcher ant = new AntPathMatcher();

	@Test
	void answersAsAntPathMatcherDoes() {
		String[] patterns = { "/css/**", "/js/**", "/img/**", "/webjars/**", "/robots.txt", "/favicon.ico", "/a/*/b/**",
				"/x?z/**" };
		String[] paths = { "/css/app.css", "/css", "/css/", "/cssx/app.css", "/js/app.js", "/img/logo.svg",
				"/webjars/bootstrap/css/bootstrap.min.css", "/products/FIRMA-REMOTA-1A", "/cart/items", "/", "",
				"/robots.txt", "/robots.txt/", "/favicon.ico", "/a/q/b/c", "/a/q/c", "/xyz/1", "/xz/1" };
		for (String pattern : patterns) {
			for (String path : paths) {
				assertThat(this.patterns.match(pattern, path)).as(pattern + " " + path)
					.isEqualTo(this.ant.match(pattern, path));
			}
		}
	}

}
