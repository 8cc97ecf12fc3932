package it.rivendo.shared;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A text kept in Italian and English; shows itself in the language of the current
 * request.
 */
public record LocalizedText(String it, String en) {

	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : it;
	}

	@Override
	public String toString() {
		return in(LocaleContextHolder.getLocale());
	}
}
