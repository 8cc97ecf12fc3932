package it.rivendo.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain shop(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/denied", "/actuator/health", "/actuator/health/**", "/activate/**", "/identification/**", "/handoff/**", "/h", "/h/**", "/contact")
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
