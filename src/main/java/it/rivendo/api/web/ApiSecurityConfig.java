package it.rivendo.api.web;

import it.rivendo.api.ApiCaller;
import it.rivendo.api.ApiKeys;
import it.rivendo.api.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API's own security, apart from the pages': {@code /api/**} is served by
 * this chain, ordered before the shop's. A bearer key in every request, nothing else: no
 * session is created or read, no cookie is set, no CSRF token applies (nothing here reads
 * a cookie, so a browser's cannot be borrowed). Reading needs any key, writing a
 * {@code read_write} key. Refusals are problem details ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

	static final String READ = "SCOPE_read";

	static final String WRITE = "SCOPE_write";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, RateLimits limits, MessageSource messages, JsonMapper json)
			throws Exception {
		ApiProblems problems = new ApiProblems(messages, json);
		http.securityMatcher("/api/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, ApiDocs.PUBLIC_PATHS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAuthority(READ)
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasAuthority(READ)
				.anyRequest()
				.hasAuthority(WRITE))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems)
				.accessDeniedHandler((request, response, denied) -> problems.forbidden(request, response)))
			.addFilterBefore(new BearerKeyFilter(keys, limits, problems), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Reads {@code Authorization: Bearer <key>}: a key that opens something signs the
	 * request in for this request only, once the key's rate limit lets it through (the
	 * {@code RateLimit-*} headers go on every answer to a key; past the limit a 429 with
	 * {@code Retry-After}); any other value is answered 401 at once; no header goes on
	 * anonymous (and is refused where a key is needed).
	 */
	static final class BearerKeyFilter extends OncePerRequestFilter {

		private static final String BEARER = "Bearer ";

		private final ApiKeys keys;

		private final RateLimits limits;

		private final ApiProblems problems;

		private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

		BearerKeyFilter(ApiKeys keys, RateLimits limits, ApiProblems problems) {
			this.keys = keys;
			this.limits = limits;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header != null) {
				Optional<ApiCaller> caller = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
						? keys.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
				if (caller.isEmpty()) {
					problems.commence(request, response, new BadCredentialsException("no such key"));
					return;
				}
				RateLimits.Allowance allowance = limits.take(caller.get().keyId());
				response.setHeader("RateLimit-Limit", Integer.toString(allowance.limit()));
				response.setHeader("RateLimit-Remaining", Integer.toString(allowance.remaining()));
				response.setHeader("RateLimit-Reset", Long.toString(allowance.resetSeconds()));
				if (!allowance.allowed()) {
					response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(allowance.resetSeconds()));
					problems.write(response, problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
							Integer.toString(allowance.limit()), Long.toString(allowance.resetSeconds())));
					return;
				}
				SecurityContext context = contexts.createEmptyContext();
				context.setAuthentication(authentication(caller.get()));
				contexts.setContext(context);
			}
			chain.doFilter(request, response);
		}

		private static PreAuthenticatedAuthenticationToken authentication(ApiCaller caller) {
			List<SimpleGrantedAuthority> authorities = caller.scope().writes()
					? List.of(new SimpleGrantedAuthority(READ), new SimpleGrantedAuthority(WRITE))
					: List.of(new SimpleGrantedAuthority(READ));
			return new PreAuthenticatedAuthenticationToken(caller, null, authorities);
		}

	}

}
