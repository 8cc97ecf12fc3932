package it.rivendo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The end customer's personal link as a browser follows it: {@code /activate/<token>}
 * keeps the token in a cookie and redirects to {@code /activate}, which shows the page.
 */
public final class ActivationLinks {

	public static final String COOKIE = "rivendo-activation";

	private ActivationLinks() {
	}

	/**
	 * Follows the link: the page {@code /activate} as the customer's browser shows it.
	 */
	public static ResultActions open(MockMvc mvc, String token) throws Exception {
		return mvc.perform(get("/activate").cookie(follow(mvc, token)));
	}

	/** Opens the link only: the cookie it leaves, after checking the redirect. */
	public static Cookie follow(MockMvc mvc, String token) throws Exception {
		Cookie cookie = mvc.perform(get("/activate/" + token))
			.andExpect(redirectedUrl("/activate"))
			.andReturn()
			.getResponse()
			.getCookie(COOKIE);
		assertThat(cookie).as("the activation cookie").isNotNull();
		return cookie;
	}

}
