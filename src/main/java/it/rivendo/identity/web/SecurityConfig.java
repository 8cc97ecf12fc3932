package it.rivendo.identity.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain shop(HttpSecurity http,
			@Value("${rivendo.ops.metrics-from:127.0.0.1,::1}") List<String> metricsFrom) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/prometheus")
			.access(staffOrFrom(metricsFrom))
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/denied", "/actuator/health", "/actuator/health/**", "/activate/**", "/identification/**", "/handoff/**", "/h", "/h/**", "/become-reseller", "/become-reseller/**", "/set-password/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("STAFF")
			.requestMatchers("/catalog/**", "/products/**", "/cart/**", "/checkout/**", "/orders/**", "/account/**")
			.hasRole("RESELLER")
			.anyRequest()
			.authenticated())
			.formLogin(login -> login.loginPage("/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, exception) -> {
					// Keep what the user typed, so only the password needs typing again.
					request.getSession().setAttribute(LoginController.LAST_EMAIL, request.getParameter("email"));
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** Metrics: a scraper on one of the given addresses (no login), or a signed-in staff member. */
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
