package it.rivendo.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
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

}
