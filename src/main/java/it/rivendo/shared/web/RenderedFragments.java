package it.rivendo.shared.web;

import it.rivendo.shared.Formats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Parts of pages rendered once and kept (issue 22): a fragment whose HTML follows only
 * from the values it is given, the same for everyone who is given the same values, such
 * as the catalog's products at one discount policy's prices or the main menu. Rendering
 * them with Thymeleaf at every view was most of those pages' CPU.
 * <p>
 * An entry is kept under <em>everything the fragment shows</em>: the caller's key (the
 * records the fragment renders, so the prices a reseller sees are part of it and another
 * reseller's prices, a newer catalog or an error state are another entry), the template,
 * the fragment and the language. Nothing is kept by time or by version: a change to what
 * the fragment shows is a different key. The one per-request part, the CSRF token of the
 * fragment's forms, is rendered as a placeholder ({@code ${csrfToken}} in the template)
 * and replaced by the request's own token at each use. At most {@link #MAX_ENTRIES} are
 * kept; then it starts again.
 */
@Component
public class RenderedFragments {

	/** At most this many rendered fragments (about 50 KB each at most). */
	static final int MAX_ENTRIES = 200;

	/** What the template renders in place of the request's CSRF token. */
	static final String TOKEN_PLACEHOLDER = "rivendo-csrf-token-placeholder";

	private static final Pattern PLACEHOLDER = Pattern.compile(TOKEN_PLACEHOLDER, Pattern.LITERAL);

	private final ITemplateEngine templates;

	private final Formats formats;

	private final Map<Key, String[]> kept = new ConcurrentHashMap<>();

	private volatile JakartaServletWebApplication application;

	private final ObjectProvider<ThymeleafViewResolver> views;

	RenderedFragments(ITemplateEngine templates, Formats formats, ObjectProvider<ThymeleafViewResolver> views) {
		this.views = views;
		this.templates = templates;
		this.formats = formats;
	}

	/**
	 * The HTML of {@code fragment} (a {@code th:fragment} of {@code template}) rendered
	 * with {@code variables} (and {@code fmt} and {@code csrfToken}) in the current
	 * request's language, with the request's CSRF token.
	 * @param key a value (records, lists, maps, strings) that tells apart everything the
	 * fragment may show given {@code variables}: equal keys must render equal HTML
	 */
	public String render(String template, String fragment, Object key, Map<String, Object> variables) {
		return render(template, fragment, key, variables, false);
	}

	/**
	 * The HTML of a whole page, {@code template} rendered with the page's model
	 * ({@code variables}) in the current request's language, with the request's CSRF
	 * token in every form the page has (as Spring Security's hidden field puts it in);
	 * rendered once per {@code key} and language and kept (the login page, issue 22).
	 * @param key a value that tells apart everything the page may show given
	 * {@code variables}: equal keys must render equal HTML
	 */
	public String page(String template, Object key, Map<String, Object> variables) {
		return render(template, null, key, variables, true);
	}

	private String render(String template, String fragment, Object key, Map<String, Object> variables, boolean page) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		Locale locale = RequestContextUtils.getLocale(request);
		String[] parts = this.kept.get(new Key(template, fragment, locale, key));
		if (parts == null) {
			parts = PLACEHOLDER.split(page ? renderPageNow(template, locale, variables, request, current.getResponse())
					: renderNow(template, fragment, locale, variables, request, current.getResponse()), -1);
			if (this.kept.size() >= MAX_ENTRIES) {
				this.kept.clear();
			}
			this.kept.put(new Key(template, fragment, locale, key), parts);
		}
		if (parts.length == 1) {
			return parts[0];
		}
		String token = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf
				? HtmlUtils.htmlEscape(csrf.getToken()) : "";
		StringBuilder html = new StringBuilder(parts[0].length() * parts.length + 64 * parts.length);
		html.append(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			html.append(token).append(parts[i]);
		}
		return html.toString();
	}

	private String renderNow(String template, String fragment, Locale locale, Map<String, Object> variables,
			HttpServletRequest request, HttpServletResponse response) {
		JakartaServletWebApplication web = this.application;
		if (web == null) {
			web = JakartaServletWebApplication.buildApplication(request.getServletContext());
			this.application = web;
		}
		Map<String, Object> all = new HashMap<>(variables);
		all.put("fmt", this.formats);
		all.put("csrfToken", TOKEN_PLACEHOLDER);
		WebContext context = new WebContext(web.buildExchange(request, response), locale, all);
		return this.templates.process(template, Set.of(fragment), context);
	}

	/**
	 * Renders a whole page through its view, as Spring MVC would, with the placeholder as
	 * the request's CSRF token (which Spring Security's hidden form field takes from the
	 * request), into a string; then puts the request's token back.
	 */
	private String renderPageNow(String template, Locale locale, Map<String, Object> variables,
			HttpServletRequest request, HttpServletResponse response) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		Object named = token instanceof CsrfToken csrf ? request.getAttribute(csrf.getParameterName()) : null;
		if (token instanceof CsrfToken csrf) {
			CsrfToken placeholder = new DefaultCsrfToken(csrf.getHeaderName(), csrf.getParameterName(),
					TOKEN_PLACEHOLDER);
			request.setAttribute(CsrfToken.class.getName(), placeholder);
			request.setAttribute(csrf.getParameterName(), placeholder);
		}
		try {
			View view = this.views.getObject().resolveViewName(template, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + template);
			}
			StringWriter html = new StringWriter();
			view.render(variables, request, new HttpServletResponseWrapper(response) {
				@Override
				public PrintWriter getWriter() {
					return new PrintWriter(html);
				}

				@Override
				public void setContentType(String type) {
				}

				@Override
				public void setCharacterEncoding(String charset) {
				}

				@Override
				public void setLocale(Locale loc) {
				}
			});
			return html.toString();
		}
		catch (Exception failed) {
			throw new IllegalStateException("The page " + template + " could not be rendered", failed);
		}
		finally {
			if (token instanceof CsrfToken csrf) {
				request.setAttribute(CsrfToken.class.getName(), token);
				request.setAttribute(csrf.getParameterName(), named);
			}
		}
	}

	/** How many fragments are kept, for tests. */
	int size() {
		return this.kept.size();
	}

	private record Key(String template, String fragment, Locale locale, Object what) {
	}

}
