package it.rivendo.web;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files, served only under their own paths: {@code /css}, {@code /js} and
 * {@code /img} with a content hash in the URL, and the WebJars with version-free URLs;
 * all cached for a year. {@code /robots.txt} and {@code /favicon.ico}, whose names are
 * fixed, for a day.
 * <p>
 * Spring Boot's default handler maps {@code /**}. Every link a template builds
 * ({@code @{/products/...}}, form actions) is then offered to the resource chain to be
 * versioned, and a link that is not a file is looked for on the classpath at every
 * render, uncached: profiling the catalog under load showed over half of the CPU there.
 * With these mappings (and {@code spring.web.resources.add-mappings=false}) only real
 * asset paths are looked up, once.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js", "img")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// what browsers and crawlers ask for at the root, by a fixed name
		registry.addResourceHandler("/robots.txt", "/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(A_DAY);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/**
	 * Every link a template builds still passes the resource chain's URL provider, which
	 * matches it against each asset pattern with an {@link AntPathMatcher} (the path cut
	 * into tokens for every pattern): 7% of the login page's CPU under load, more on a
	 * page with the main menu's links (issue 22). {@link AssetPatterns} answers a link
	 * outside the patterns' fixed start at once.
	 */
	@Bean
	static BeanPostProcessor assetPatternsFirst() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ResourceUrlProvider provider) {
					provider.setPathMatcher(new AssetPatterns());
				}
				return bean;
			}
		};
	}

	/**
	 * The {@link AntPathMatcher} that first compares a path with the part of the pattern
	 * before its first wildcard: {@code /products/X} is not {@code /css/**}. A pattern
	 * without a wildcard matches only itself.
	 */
	static final class AssetPatterns extends AntPathMatcher {

		@Override
		public boolean match(String pattern, String path) {
			int wildcard = firstWildcard(pattern);
			if (wildcard < 0) {
				return pattern.equals(path);
			}
			// "/css/**" also matches "/css": compare without the slash before the
			// wildcard
			String start = pattern.substring(0, wildcard);
			if (start.endsWith("/")) {
				start = start.substring(0, start.length() - 1);
			}
			return path.startsWith(start) && super.match(pattern, path);
		}

		private static int firstWildcard(String pattern) {
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '*' || c == '?' || c == '{') {
					return i;
				}
			}
			return -1;
		}

	}

}
