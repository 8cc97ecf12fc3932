package it.rivendo.identity.web;

import it.rivendo.identity.LoginThrottle;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.identity.internal.UserSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The CSRF token lives in a cookie (HttpOnly, SameSite=Lax, Secure over HTTPS), not
	 * in the session: a visitor who only reads pages gets no session, and so writes
	 * nothing into the database. Forms carry the token masked per render; the cookie is
	 * replaced at login and removed at logout.
	 */
	@Bean
	CsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	/**
	 * No Micrometer observation around each security filter, authentication and
	 * authorization: with an observation registry (the actuator's), Spring Security wraps
	 * every one of its filters in one, started and stopped at every request, a few
	 * percent of a small page's CPU (issue 22). The request as a whole is still observed
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain shop(HttpSecurity http, LoginThrottle throttle, ResellerAccounts accounts,
			UserSessions sessions, CsrfTokenRepository csrfTokens, MetricsAccessProperties metrics) throws Exception {
		home.setRequestCache(savedPages);
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			// the page asked for before logging in, kept in a cookie too
			.requestCache(cache -> cache.requestCache(savedPages))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/prometheus")
				.access(staffOrFrom(metrics.metricsFrom()))
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/robots.txt",
						"/error", "/denied", "/actuator/health", "/actuator/health/**", "/activate/**",
						"/identification/**", "/handoff/**", "/h", "/h/**", "/become-reseller", "/become-reseller/**",
						"/set-password/**", "/forgot-password", "/forgot-password/**", "/contact", "/privacy", "/terms",
						"/bench/ping")
				.permitAll()
				// the actuator's index and info (health is public above, metrics have
				// their rule): what the shop runs is no reseller's business
				.requestMatchers("/actuator", "/actuator/**")
				.hasRole("STAFF")
				.requestMatchers("/admin/**")
				.hasRole("STAFF")
				// the Titolare's own: top-ups, billing data, users, API keys, automatic
				// renewal
				.requestMatchers(OWNER_ROUTES)
				.hasRole(TeamRole.OWNER.name())
				// whether the end customers are told of expiries: the account's choice
				.requestMatchers(HttpMethod.POST, "/account/services/reminders")
				.hasRole(TeamRole.OWNER.name())
				// spending the credit and following services: the Titolare and the
				// Operatori
				.requestMatchers(BUYING_ROUTES)
				.hasAnyRole(TeamRole.OWNER.name(), TeamRole.OPERATOR.name())
				.requestMatchers(HttpMethod.POST, "/account/services/**")
				.hasAnyRole(TeamRole.OWNER.name(), TeamRole.OPERATOR.name())
				// reading: every user of a reseller, the Contabile included
				.requestMatchers("/catalog/**", "/products/**", "/orders/**", "/account/**")
				.hasRole("RESELLER")
				.anyRequest()
				.authenticated())
			.formLogin(login -> login.loginPage("/login")
				.usernameParameter("email")
				.successHandler((request, response, authentication) -> {
					throttle.succeeded(authentication.getName(), request.getRemoteAddr());
					LoginEmail.forget(request, response);
					home.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler((request, response, exception) -> {
					throttle.failed(request.getParameter("email"), request.getRemoteAddr());
					// Keep what the user typed, so only the password needs typing again.
					LoginEmail.remember(request, response, request.getParameter("email"));
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
				if (authentication != null) {
					sessions.endAll(authentication.getName());
				}
			}).logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new SessionRules.AbsoluteTimeoutFilter(), SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new DisabledAccountFilter(accounts, sessions), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new EagerCsrfTokenFilter(), CsrfFilter.class)
			.exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** Only the Titolare (issue 17), approving the Operatori's orders too. */
	static final String[] OWNER_ROUTES = { "/account/team/**", "/account/api/**", "/account/billing/**",
			"/account/credit/top-up/**", "/account/credit/top-ups/**", "/account/payments/**",
			"/account/services/*/auto-renew", "/account/approvals/*/approve", "/account/approvals/*/reject" };

	/**
	 * The Titolare and the Operatori: cart, checkout, bulk orders, the orders waiting for
	 * approval, associating services, correcting an order's billing data. Every POST
	 * under {@code /account/services} too.
	 */
	static final String[] BUYING_ROUTES = { "/cart/**", "/checkout/**", "/account/bulk/**", "/account/approvals/**",
			"/account/services/*/associate", "/account/services/associate-many", "/orders/*/billing" };

	private final SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();

	private final CookieRequestCache savedPages = savedPages();

	/**
	 * Only pages are worth coming back to after logging in: GETs of the shop, not of
	 * assets or the error page.
	 */
	private static CookieRequestCache savedPages() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(
				request -> "GET".equals(request.getMethod()) && !asset(request) && !path(request).startsWith("/error")
						&& !path(request).startsWith("/actuator") && !"/favicon.ico".equals(path(request)));
		cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

	/**
	 * Loads the CSRF token (and so sets its cookie when there is none yet) before a page
	 * is rendered. Loaded lazily, it would be created halfway through a long page, after
	 * the response was committed, and its cookie lost.
	 */
	static final class EagerCsrfTokenFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return asset(request) || path(request).startsWith("/actuator");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Ends, at its next request, a session whose account was disabled after it began, or
	 * whose team role is not the account's (a session from before teams holds none: it
	 * signs in again and gets its role). Disabling and a role change end the sessions
	 * already (ResellerAccounts.setEnabled, Team); this is the second line, one indexed
	 * lookup per signed-in request.
	 */
	static final class DisabledAccountFilter extends OncePerRequestFilter {

		private final ResellerAccounts accounts;

		private final UserSessions sessions;

		DisabledAccountFilter(ResellerAccounts accounts, UserSessions sessions) {
			this.accounts = accounts;
			this.sessions = sessions;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return asset(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof ShopUser user
					&& accounts.outdated(user)) {
				boolean disabled = accounts.disabled(user.getUsername());
				if (disabled) {
					sessions.endAll(authentication.getName());
				}
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + (disabled ? "/login?disabled" : "/login?expired"));
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Refuses a login attempt unread while the account or the address is throttled. */
	static final class LoginThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		LoginThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod())
					&& (request.getContextPath() + "/login").equals(request.getRequestURI())
					&& throttle.lock(request.getParameter("email"), request.getRemoteAddr()).isPresent()) {
				LoginEmail.remember(request, response, request.getParameter("email"));
				response.sendRedirect(request.getContextPath() + "/login?locked");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Static files: no page, no form, nothing to check a session for. */
	static boolean asset(HttpServletRequest request) {
		String path = path(request);
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Metrics: a scraper on one of the given addresses (no login), or a signed-in staff
	 * member.
	 */
	@SuppressWarnings("unchecked")
	private static AuthorizationManager<RequestAuthorizationContext> staffOrFrom(List<String> addresses) {
		List<AuthorizationManager<RequestAuthorizationContext>> allowed = new java.util.ArrayList<>();
		allowed.add(AuthorityAuthorizationManager.hasRole("STAFF"));
		addresses.stream()
			.map(String::strip)
			.filter(address -> !address.isEmpty())
			.forEach(address -> allowed.add(IpAddressAuthorizationManager.hasIpAddress(address)));
		return AuthorizationManagers.anyOf(allowed.toArray(AuthorizationManager[]::new));
	}

	/**
	 * New passwords are hashed with BCrypt at the cost
	 * {@code rivendo.security.bcrypt-strength} (10, Spring Security's own default); a
	 * hash of any cost and of the other encoders of Spring Security's {@code {id}} scheme
	 * is still checked. The tests' profile lowers the cost to 4: they hash and check
	 * thousands of passwords; outside it a cost under 10 stops the shop at start-up, so
	 * that a stray setting cannot weaken the stored passwords.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${rivendo.security.bcrypt-strength:10}") int bcryptStrength,
			Environment environment) {
		if (bcryptStrength < 10 && !environment.acceptsProfiles(Profiles.of("test"))) {
			throw new IllegalStateException("rivendo.security.bcrypt-strength is " + bcryptStrength
					+ ": at least 10 outside the tests' profile");
		}
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength)));
		encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return encoder;
	}

}
