package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.WebIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Assets carry a content hash and are cached for a year; links to pages are never looked
 * up as files.
 */
@WebIntegrationTest
class StaticResourcesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void assetsAreVersionedAndCachedForAYear() throws Exception {
		String html = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		String css = find(html, "href=\"(/css/app-[0-9a-f]{32}\\.css)\"");
		String logo = find(html, "src=\"(/img/logo-[0-9a-f]{32}\\.svg)\"");
		String bootstrap = find(html, "href=\"(/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css)\"");
		String script = find(html, "src=\"(/js/app-[0-9a-f]{32}\\.js)\"");
		for (String asset : new String[] { css, logo, bootstrap, script }) {
			mvc.perform(get(asset))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", Matchers.containsString("max-age=31536000")));
		}
		mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
	}

	@Test
	void pageLinksAreNotResourceLookups() {
		assertThat(resourceUrls.getForLookupPath("/products/FIRMA-REMOTA-1A")).isNull();
		assertThat(resourceUrls.getForLookupPath("/cart/items")).isNull();
		assertThat(resourceUrls.getForLookupPath("/css/app.css")).matches("/css/app-[0-9a-f]{32}\\.css");
	}

	private static String find(String html, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(html);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
