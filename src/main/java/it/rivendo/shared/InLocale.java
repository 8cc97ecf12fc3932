package it.rivendo.shared;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Runs a piece of rendering in another reader's language (an e-mail to a reseller who
 * reads English, a PDF always in Italian) and puts the request's language back
 * afterwards, whatever happens.
 */
public final class InLocale {

	private InLocale() {
	}

	public static <T> T call(Locale locale, Supplier<T> work) {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			return work.get();
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

}
